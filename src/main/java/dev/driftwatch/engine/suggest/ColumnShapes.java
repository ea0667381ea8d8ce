package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.data.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Mean length in characters and in words of each column's present values, and whether a column holds lists:
 * what tells free text from a code such as a ticket number. A row consumer of the profiling pass; one thread
 * feeds it (the Profiler gives each consumer its own), so it is not thread-safe.
 */
public final class ColumnShapes implements Consumer<Row> {
    private final Map<String, long[]> sums = new LinkedHashMap<>();

    @Override
    public void accept(Row row) {
        List<String> names = row.header().names();
        for (int i = 0; i < names.size(); i++) {
            Object value = row.get(i);
            long[] sum = sums.computeIfAbsent(names.get(i), name -> new long[4]);
            if (value instanceof List<?>) {
                sum[3]++;
                continue;
            }
            if (!(value instanceof String text) || text.isBlank()) {
                continue;
            }
            sum[0]++;
            sum[1] += text.length();
            sum[2] += words(text);
        }
    }

    /** Mean characters of a present text value; 0 when none. */
    public double meanChars(String column) {
        long[] sum = sums.get(column);
        return sum == null || sum[0] == 0 ? 0 : (double) sum[1] / sum[0];
    }

    /** Mean words (runs of non-space characters) of a present text value; 0 when none. */
    public double meanWords(String column) {
        long[] sum = sums.get(column);
        return sum == null || sum[0] == 0 ? 0 : (double) sum[2] / sum[0];
    }

    /** Whether any row held a list in this column (a JSON array: tags). */
    public boolean holdsLists(String column) {
        long[] sum = sums.get(column);
        return sum != null && sum[3] > 0;
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
