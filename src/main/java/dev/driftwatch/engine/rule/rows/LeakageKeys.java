package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.rule.Fingerprint;
import dev.driftwatch.engine.rule.InputsFingerprint;
import dev.driftwatch.engine.rule.NormalisedInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code split_leakage} compares of a row, per mode: the 64-bit key of its id, of its inputs as written, of its
 * normalised inputs, and the text the {@code near} mode shingles (the normalised inputs joined by spaces). Shared by
 * the local row check and runners that group rows themselves, so both compare the same keys. Thread-safe.
 */
public final class LeakageKeys {
    private final String idColumn;
    private final InputsFingerprint exact;
    private final NormalisedInputs normalised;

    LeakageKeys(String idColumn, InputsFingerprint exact, NormalisedInputs normalised) {
        this.idColumn = idColumn;
        this.exact = exact;
        this.normalised = normalised;
    }

    /** The id column, or null when the dataset declares none. */
    public String idColumn() {
        return idColumn;
    }

    /** The compared input columns. */
    public List<String> inputs() {
        return exact.columns();
    }

    /** The key of a row in an exact mode (id, exact, normalised); {@code near} has band keys instead. */
    public long key(LeakageMode mode, Row row) {
        return switch (mode) {
            case ID -> Fingerprint.of(String.valueOf(row.text(idColumn)));
            case EXACT -> row.derived(exact);
            case NORMALISED -> row.derived(normalised).fingerprint();
            case NEAR -> throw new IllegalArgumentException("expected an exact mode (id, exact, normalised) but found near");
        };
    }

    /** The text the {@code near} mode compares: the normalised inputs joined by spaces. */
    public String nearText(Row row) {
        List<String> values = row.derived(normalised).values();
        return values.size() == 1 ? values.get(0) : nearText(row, new StringBuilder()).toString();
    }

    /** As {@link #nearText(Row)}, written into {@code into} (emptied first), which a caller reuses from row to row. */
    StringBuilder nearText(Row row, StringBuilder into) {
        List<String> values = row.derived(normalised).values();
        into.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                into.append(' ');
            }
            into.append(values.get(i));
        }
        return into;
    }

    /** The derivations the modes in use read, to be computed once per row. */
    List<RowDerivation<?>> derivations(Set<LeakageMode> modes) {
        List<RowDerivation<?>> wanted = new ArrayList<>();
        if (modes.contains(LeakageMode.EXACT)) {
            wanted.add(exact);
        }
        if (modes.contains(LeakageMode.NORMALISED) || modes.contains(LeakageMode.NEAR)) {
            wanted.add(normalised);
        }
        return wanted;
    }
}
