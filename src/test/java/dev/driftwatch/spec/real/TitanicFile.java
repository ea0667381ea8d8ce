package dev.driftwatch.spec.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kaggle Titanic file counted with plain Java, independently of the engine. The files hold one record
 * per line (no quoted line breaks), so each line is split on the commas outside double quotes.
 */
record TitanicFile(List<String> header, List<List<String>> rows) {
    static TitanicFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isEmpty()) {
                rows.add(fields(line));
            }
        }
        return new TitanicFile(fields(lines.get(0)), rows);
    }

    /** RFC 4180 fields: commas inside quotes are text, a doubled quote inside quotes is one quote. */
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

    long empty(String column) {
        int index = header.indexOf(column);
        return rows.stream().filter(row -> row.get(index).isEmpty()).count();
    }

    long countOf(String column, String value) {
        int index = header.indexOf(column);
        return rows.stream().filter(row -> row.get(index).equals(value)).count();
    }
}
