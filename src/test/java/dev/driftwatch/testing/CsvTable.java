package dev.driftwatch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A small csv file read and written with plain Java, independently of the engine, to inject defects into real
 * data and recount them: one record per line, RFC 4180 quotes. Mutable; tests change its rows in place.
 */
public record CsvTable(List<String> header, List<List<String>> rows) {
    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        lines.subList(1, lines.size()).stream().filter(line -> !line.isEmpty()).forEach(line -> rows.add(fields(line)));
        return new CsvTable(fields(lines.get(0)), rows);
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(line(header));
        rows.forEach(row -> lines.add(line(row)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String line(List<String> fields) {
        return fields.stream().map(f -> f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f)
                .collect(Collectors.joining(","));
    }

    public int index(String column) {
        return header.indexOf(column);
    }

    public long count(String column, Predicate<String> value) {
        int index = index(column);
        return rows.stream().filter(row -> value.test(row.get(index))).count();
    }

    /** Rows whose value in the column is empty. */
    public long empty(String column) {
        return count(column, String::isEmpty);
    }

    /** Rows whose value in the column is this value. */
    public long countOf(String column, String value) {
        return count(column, value::equals);
    }

    public CsvTable copy() {
        List<List<String>> copied = new ArrayList<>();
        rows.forEach(row -> copied.add(new ArrayList<>(row)));
        return new CsvTable(header, copied);
    }
}
