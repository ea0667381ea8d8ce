package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The profile keeps each row's value hashes for the derivations that fingerprint the same values (duplicate_rows'
 * copy key, split_leakage's exact key): their fingerprints equal those of the values' texts hashed afresh, here
 * recounted from the row's values by hand (a list as its items joined by spaces, a missing column as null), for text,
 * numeric and categorical columns, lists, missing tokens, blanks and short rows.
 */
class KeptValueHashesTest {
    private static final List<String> NAMES = List.of("id", "title", "description", "tags", "score", "country");
    private static final List<String> COMPARED = List.of("title", "description", "tags", "absent", "score");
    private static final ColumnRoles ROLES = new ColumnRoles("id", List.of("title", "description"), null, "tags",
            List.of("score"), List.of("country"), List.of(), List.of(), Map.of("score", List.of("n/a")));
    private static final Object[] POOL = {null, "", "  ", "n/a", "Hello World", "héllo wörld ﬁ", "12", "1.50",
        "x", List.of("a", "b"), List.of(), List.of("solo"), "a b"};

    /** What a derivation saw on the lane: whether the row had kept hashes, and the two fingerprints from them. */
    private record Seen(boolean kept, long allButId, long compared) {
    }

    private record FromKeptHashes() implements RowDerivation<Seen> {
        @Override
        public Seen derive(Row row) {
            return new Seen(row.valueHashes() != null, RowFingerprint.ofAllBut(row, 0),
                    RowFingerprint.ofColumns(row, COMPARED));
        }
    }

    @Test
    void fingerprintsFromTheProfilesHashesEqualThoseOfTheTextsHashedAfresh() {
        Header header = new Header(NAMES);
        var random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            Object[] values = new Object[random.nextInt(10) == 0 ? 3 : NAMES.size()];
            values[0] = "row" + i;
            for (int v = 1; v < values.length; v++) {
                values[v] = POOL[random.nextInt(POOL.length)];
            }
            rows.add(new Row(header, values, random.nextBoolean() ? "train" : "test", "f.csv", i + 2));
        }
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        var asked = new FromKeptHashes();
        List<Consumer<Row>> consumers = List.of(row -> seen.add(row.derived(asked)));
        var pipeline = new LanePipeline(ProfileRequest.builder(ROLES).build(), 2, null, consumers, List.of(asked),
                new MemoryBudget(DatasetDefinition.DEFAULT_ROW_MEMORY));
        rows.forEach(pipeline::accept);
        pipeline.finish();

        assertThat(seen).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertThat(seen.get(i).kept()).as("row %d kept its hashes", i).isTrue();
            assertThat(seen.get(i).allButId()).as("row %d, every column but the id", i)
                    .isEqualTo(RowFingerprint.ofValues(texts(row, NAMES.subList(1, NAMES.size()))));
            assertThat(seen.get(i).compared()).as("row %d, some columns", i)
                    .isEqualTo(RowFingerprint.ofValues(texts(row, COMPARED)));
        }
    }

    private static List<String> texts(Row row, List<String> columns) {
        List<String> texts = new ArrayList<>();
        for (String column : columns) {
            int at = NAMES.indexOf(column);
            Object value = at < 0 ? null : row.get(at);
            texts.add(value instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                    : (String) value);
        }
        return texts;
    }
}
