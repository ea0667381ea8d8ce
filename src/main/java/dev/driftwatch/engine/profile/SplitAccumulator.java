package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates the rows of one split. Not thread-safe. */
final class SplitAccumulator {
    private final String split;
    private final ProfileRequest request;
    private final Map<String, ColumnAccumulator> columns = new LinkedHashMap<>();
    private long rows;
    private Header lastHeader;
    private List<ColumnAccumulator> byPosition = List.of();

    SplitAccumulator(String split, ProfileRequest request) {
        this.split = split;
        this.request = request;
        request.roles().declared().forEach(this::column);
    }

    void accept(Row row) {
        if (row.header() != lastHeader) {
            lastHeader = row.header();
            byPosition = new ArrayList<>(lastHeader.size());
            for (String name : lastHeader.names()) {
                byPosition.add(column(name));
            }
        }
        rows++;
        for (var column : columns.values()) {
            if (lastHeader.indexOf(column.name()) < 0) {
                column.accept(null);
            }
        }
        for (int i = 0; i < byPosition.size(); i++) {
            byPosition.get(i).accept(row.get(i));
        }
    }

    private ColumnAccumulator column(String name) {
        return columns.computeIfAbsent(name, n -> {
            var column = new ColumnAccumulator(n, request.missingTokensOf(n));
            column.acceptMissing(rows);
            return column;
        });
    }

    void merge(SplitAccumulator other) {
        other.columns.forEach((name, column) -> column(name).merge(column));
        rows += other.rows;
        columns.forEach((name, column) -> column.padTo(rows));
    }

    SplitProfile toProfile() {
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        columns.forEach((name, column) -> profiles.put(name, column.toProfile()));
        return new SplitProfile(split, rows, profiles);
    }
}
