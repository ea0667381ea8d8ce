package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of the fixture {@code profiles/format-2-text.bin}, a profile written by the codec of format 2 (before
 * exact vocabularies): text column {@code text}; split {@code small}: four short sentences (7 distinct words, a word
 * counter that is exact); split {@code large}: 7,000 rows {@code "w<i> common"} (7,001 distinct words, more than the
 * 6,144 the word counter keeps exactly).
 */
final class LegacyTextRows {
    static final ColumnRoles ROLES = new ColumnRoles(null, List.of(), null, null, List.of(), List.of(),
            List.of("text"), List.of(), Map.of());
    static final List<String> SMALL = List.of("the cat sat", "the dog sat", "a cat ran", "the end");

    private LegacyTextRows() {
    }

    static List<Row> rows() {
        var header = new Header(List.of("text"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SMALL.size(); i++) {
            rows.add(new Row(header, new Object[] {SMALL.get(i)}, "small", "fixture", i + 2));
        }
        for (int i = 0; i < 7_000; i++) {
            rows.add(new Row(header, new Object[] {"w" + i + " common"}, "large", "fixture", i + 6));
        }
        return rows;
    }
}
