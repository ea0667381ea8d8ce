package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import java.util.List;

/** The {@link Fingerprint} of a row's values of some columns as written ({@link RowValues#texts}). */
public record InputsFingerprint(List<String> columns) implements RowDerivation<Long> {
    public InputsFingerprint {
        columns = List.copyOf(columns);
    }

    @Override
    public Long derive(Row row) {
        return Fingerprint.of(RowValues.texts(row, columns));
    }
}
