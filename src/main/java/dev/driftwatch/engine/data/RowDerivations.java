package dev.driftwatch.engine.data;

import java.util.Arrays;
import java.util.List;

/**
 * The derivations a pass attaches to every row ({@link Row#attach}), and where each sits among a row's derived
 * values. Consumers ask with instances of their own, often equal to an attached one but not the same object: an
 * instance is matched by equality once, then by identity ({@code equals} of a record compares its every field, too
 * much to repeat per row and consumer). Thread-safe.
 */
public final class RowDerivations {
    private static final RowDerivation<?>[] NONE = {};
    /** More distinct instances than any run's consumers hold: beyond them, instances are matched by equality. */
    private static final int MAX_ALIASES = 64;
    private final RowDerivation<?>[] attached;
    /** Instances equal to an attached derivation, and its position, appended as met (copy on write). */
    private volatile Alias[] aliases = {};

    private record Alias(RowDerivation<?> instance, int index) {
    }

    public RowDerivations(List<RowDerivation<?>> attached) {
        this.attached = attached.toArray(NONE);
    }

    public int size() {
        return attached.length;
    }

    RowDerivation<?> get(int index) {
        return attached[index];
    }

    /** The position of the attached derivation equal to {@code derivation}, or -1 when none is. */
    int indexOf(RowDerivation<?> derivation) {
        for (int i = 0; i < attached.length; i++) {
            if (attached[i] == derivation) {
                return i;
            }
        }
        for (Alias alias : aliases) {
            if (alias.instance == derivation) {
                return alias.index;
            }
        }
        for (int i = 0; i < attached.length; i++) {
            if (attached[i].equals(derivation)) {
                remember(derivation, i);
                return i;
            }
        }
        return -1;
    }

    private synchronized void remember(RowDerivation<?> derivation, int index) {
        Alias[] known = aliases;
        if (known.length == MAX_ALIASES) {
            return;
        }
        Alias[] more = Arrays.copyOf(known, known.length + 1);
        more[known.length] = new Alias(derivation, index);
        aliases = more;
    }
}
