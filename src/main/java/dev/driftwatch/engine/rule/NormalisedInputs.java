package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import java.util.List;

/**
 * A row's values of some columns, normalised ({@link RowValues#normalised}), and their {@link Fingerprint}:
 * computed once per row for every rule comparing those columns under that normalisation.
 */
public record NormalisedInputs(List<String> columns, TextNormalisation normalisation)
        implements RowDerivation<NormalisedInputs.Values> {
    public NormalisedInputs {
        columns = List.copyOf(columns);
    }

    @Override
    public Values derive(Row row) {
        List<String> values = RowValues.normalised(row, columns, normalisation);
        return new Values(values, Fingerprint.of(values));
    }

    /** The normalised values, in column order, and their fingerprint. */
    public record Values(List<String> values, long fingerprint) {
    }
}
