package dev.driftwatch.spec.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One UCI Adult file counted with plain Java, independently of the engine: every non-empty line split on
 * commas, each value stripped. Its figures are what the real-data test expects the engine to find.
 *
 * @param lines the file's lines as written, for looking up a line number the engine reports
 * @param rows  the records, with their 1-based line number
 */
record AdultFile(List<String> lines, List<Record> rows) {
    static final List<String> COLUMNS = List.of("age", "workclass", "fnlwgt", "education", "education-num",
            "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
            "hours-per-week", "native-country", "income");
    static final int LABEL = COLUMNS.indexOf("income");

    record Record(long line, List<String> values) {
        List<String> features() {
            return values.subList(0, LABEL);
        }

        String label() {
            return values.get(LABEL);
        }
    }

    static AdultFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Record> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(new Record(i + 1, Arrays.stream(lines.get(i).split(",", -1)).map(String::strip).toList()));
            }
        }
        return new AdultFile(lines, rows);
    }

    /** How often each column holds exactly {@code value}. */
    Map<String, Long> countOf(String value) {
        Map<String, Long> counts = new TreeMap<>();
        COLUMNS.forEach(column -> counts.put(column, 0L));
        for (Record row : rows) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (row.values().get(i).equals(value)) {
                    counts.merge(COLUMNS.get(i), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    Map<String, Long> values(String column) {
        Map<String, Long> counts = new HashMap<>();
        int index = COLUMNS.indexOf(column);
        rows.forEach(row -> counts.merge(row.values().get(index), 1L, Long::sum));
        return counts;
    }

    /** Rows equal in all fifteen values to an earlier row: the extra copies. */
    long extraCopies() {
        return rows.size() - rows.stream().map(Record::values).distinct().count();
    }
}
