package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.profile.RowFingerprint;
import java.util.List;

/** The {@link Fingerprint} of a row's values of some columns as written ({@link RowValues#texts}, {@link RowFingerprint#ofColumns}). */
public record InputsFingerprint(List<String> columns) implements RowDerivation<Long> {
    public InputsFingerprint {
        columns = List.copyOf(columns);
    }

    @Override
    public Long derive(Row row) {
        return RowFingerprint.ofColumns(row, columns);
    }
}
