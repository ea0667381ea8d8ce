package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A derivation two row consumers share is computed once per row, on the lanes, before either consumer reads it. */
class SharedDerivationsTest {
    private static final AtomicLong DERIVED = new AtomicLong();

    /** The row's title in upper case; counts how often it is computed. */
    private record UpperTitle(String column) implements RowDerivation<String> {
        @Override
        public String derive(Row row) {
            DERIVED.incrementAndGet();
            return row.text(column).toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void eachRowIsDerivedOnceAndBothConsumersSeeTheValueInFileOrder() {
        int rows = 5_000;
        Header header = new Header(List.of("id", "title"));
        List<List<String>> seen = List.of(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()));
        List<Consumer<Row>> consumers = new ArrayList<>();
        for (List<String> list : seen) {
            UpperTitle asked = new UpperTitle("title");
            consumers.add(row -> list.add(row.derived(asked)));
        }
        DERIVED.set(0);
        var pipeline = new LanePipeline(ProfileRequest.builder(ColumnRoles.none()).build(), 2, null, consumers,
                List.of(new UpperTitle("title")),
                new MemoryBudget(dev.driftwatch.engine.dataset.DatasetDefinition.DEFAULT_ROW_MEMORY));
        for (int i = 0; i < rows; i++) {
            pipeline.accept(new Row(header, new Object[] {String.valueOf(i), "title " + i}, "all", "f.csv", i + 2));
        }
        pipeline.finish();

        assertThat(DERIVED.get()).isEqualTo(rows);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            expected.add("TITLE " + i);
        }
        assertThat(seen.get(0)).isEqualTo(expected);
        assertThat(seen.get(1)).isEqualTo(expected);
    }
}
