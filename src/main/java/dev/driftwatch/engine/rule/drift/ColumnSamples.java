package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.profile.ValueType;
import dev.driftwatch.engine.rule.Rule;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Per split and column, the bounded summaries the drift methods compare: a KLL sketch (k = 200) and
 * moments for numbers, text lengths and tags per row; counts of at most 10,000 categories (the rest
 * pooled as "(other)"); counts of at most 100,000 distinct words. Not thread-safe.
 */
final class ColumnSamples implements Rule.RowCheck {
    static final String OTHER = "(other)";
    private static final int MAX_CATEGORIES = 10_000;
    private static final int MAX_WORDS = 100_000;
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Map<String, DriftKind> columns;
    final Map<String, Map<String, Column>> splits = new LinkedHashMap<>();
    final Map<String, Long> rows = new LinkedHashMap<>();

    /** The summaries of one column in one split. */
    static final class Column {
        final KllDoublesSketch numbers = KllDoublesSketch.newHeapInstance(200);
        final Map<String, Long> counts = new HashMap<>();
        final Map<String, Long> words = new HashMap<>();
        long n;
        double sum;
        double sumOfSquares;

        void number(double x) {
            numbers.update(x);
            n++;
            sum += x;
            sumOfSquares += x * x;
        }

        double stdDev() {
            if (n < 2) {
                return 0;
            }
            double mean = sum / n;
            return Math.sqrt(Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1)));
        }

        void count(Map<String, Long> map, String value, int cap) {
            if (map.containsKey(value) || map.size() < cap) {
                map.merge(value, 1L, Long::sum);
            } else {
                map.merge(OTHER, 1L, Long::sum);
            }
        }
    }

    ColumnSamples(Map<String, DriftKind> columns) {
        this.columns = columns;
    }

    @Override
    public void accept(Row row) {
        rows.merge(row.split(), 1L, Long::sum);
        Map<String, Column> split = splits.computeIfAbsent(row.split(), s -> new HashMap<>());
        columns.forEach((name, kind) -> {
            Column column = split.computeIfAbsent(name, c -> new Column());
            Object value = row.get(name);
            if (kind == DriftKind.TAGS) {
                List<String> tags = row.labels(name);
                column.number(tags.size());
                tags.forEach(tag -> column.count(column.counts, tag.strip(), MAX_CATEGORIES));
                return;
            }
            String text = value == null ? null : row.text(name);
            if (text == null || text.isBlank()) {
                return;
            }
            if (kind == DriftKind.NUMERIC) {
                if (ValueType.of(text.strip()).isNumeric()) {
                    column.number(Double.parseDouble(text.strip()));
                }
            } else if (kind == DriftKind.CATEGORICAL) {
                column.count(column.counts, text.strip(), MAX_CATEGORIES);
            } else {
                column.number(text.length());
                for (String word : WORD_BREAK.split(text.toLowerCase(java.util.Locale.ROOT))) {
                    if (!word.isEmpty()) {
                        column.count(column.words, word, MAX_WORDS);
                    }
                }
            }
        });
    }
}
