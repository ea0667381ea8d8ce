package dev.driftwatch.engine.data;

import java.util.List;

/**
 * The derivations a pass attaches to each of its rows ({@link Row#attach}), shared by all of them. Row checks ask for a
 * derivation by an instance of their own, often equal to the attached one but not the same: the position an equal
 * instance maps to is compared by value once and then remembered by identity, as comparing record values on every row
 * cost more than deriving some of them. Thread-safe.
 */
public final class RowDerivations {
    /** More instances than row checks would be a caller making one per row: those are compared by value each time. */
    private static final int MAX_ALIASES = 64;
    private final List<RowDerivation<?>> derivations;
    /** Instances found equal to an attached derivation, and its position; replaced whole when one is learnt. */
    private volatile Alias[] aliases = new Alias[0];

    public RowDerivations(List<RowDerivation<?>> derivations) {
        this.derivations = List.copyOf(derivations);
    }

    public int size() {
        return derivations.size();
    }

    RowDerivation<?> get(int position) {
        return derivations.get(position);
    }

    /** The position of the attached derivation equal to this one, or -1 when none is. */
    int positionOf(RowDerivation<?> derivation) {
        for (int i = 0; i < derivations.size(); i++) {
            if (derivations.get(i) == derivation) {
                return i;
            }
        }
        for (Alias alias : aliases) {
            if (alias.derivation == derivation) {
                return alias.position;
            }
        }
        int position = derivations.indexOf(derivation);
        if (position >= 0) {
            learn(derivation, position);
        }
        return position;
    }

    private synchronized void learn(RowDerivation<?> derivation, int position) {
        Alias[] known = aliases;
        if (known.length == MAX_ALIASES) {
            return;
        }
        Alias[] more = java.util.Arrays.copyOf(known, known.length + 1);
        more[known.length] = new Alias(derivation, position);
        aliases = more;
    }

    private record Alias(RowDerivation<?> derivation, int position) {
    }
}
