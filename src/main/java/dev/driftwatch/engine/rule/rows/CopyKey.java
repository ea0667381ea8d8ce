package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.profile.RowFingerprint;
import dev.driftwatch.engine.rule.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What makes two rows copies for {@code duplicate_rows}: the fingerprint of the compared values as written (the
 * given columns, or every column but the id) combined with that of the row's split.
 *
 * @param columns  the compared columns; empty for every column but the id
 * @param idColumn the id column left out when {@code columns} is empty; may be null
 */
record CopyKey(List<String> columns, String idColumn) implements RowDerivation<Long> {
    CopyKey {
        columns = List.copyOf(columns);
    }

    @Override
    public Long derive(Row row) {
        long values = columns.isEmpty() && row.header().hasDistinctNames()
                ? RowFingerprint.ofAllBut(row, row.header().indexOf(idColumn))
                : RowFingerprint.ofColumns(row, compared(row));
        return values ^ Fingerprint.of(row.split());
    }

    /** The columns compared in this row. */
    List<String> compared(Row row) {
        if (!columns.isEmpty()) {
            return columns;
        }
        List<String> names = row.header().names();
        List<String> compared = new ArrayList<>(names.size());
        for (String name : names) {
            if (!Objects.equals(name, idColumn)) {
                compared.add(name);
            }
        }
        return compared;
    }
}
