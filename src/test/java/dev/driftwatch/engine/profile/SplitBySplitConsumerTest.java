package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.SplitBySplitConsumer;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A consumer that says it may take rows split by split gets each batch so; any other consumer gets file order. */
class SplitBySplitConsumerTest {
    private static final List<String> SPLITS = List.of("train", "val", "test");

    @Test
    void eachBatchComesSplitBySplitInFileOrderWithinASplitAndOtherConsumersGetFileOrder() {
        int rows = 3 * LanePipeline.BATCH + 100;
        Header header = new Header(List.of("id", "split"));
        List<Row> file = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < rows; i++) {
            String split = SPLITS.get(random.nextInt(SPLITS.size()));
            file.add(new Row(header, new Object[] {String.valueOf(i), split}, split, "f.csv", i + 2));
        }
        List<Row> plain = new ArrayList<>();
        List<Row> bySplit = new ArrayList<>();
        List<Consumer<Row>> consumers = List.of(plain::add, (SplitBySplitConsumer) bySplit::add);
        var pipeline = new LanePipeline(ProfileRequest.builder(ColumnRoles.none()).build(), 2, "split", consumers,
                List.of(), new MemoryBudget(DatasetDefinition.DEFAULT_ROW_MEMORY));
        file.forEach(pipeline::accept);
        pipeline.finish();

        assertThat(plain).isEqualTo(file);
        assertThat(bySplit).isEqualTo(splitBySplit(file, LanePipeline.BATCH));
        assertThat(bySplit).isNotEqualTo(file);
    }

    /** The expected order, recounted: each batch stably sorted by the position where its split first appears in it. */
    private static List<Row> splitBySplit(List<Row> file, int batch) {
        List<Row> expected = new ArrayList<>();
        for (int start = 0; start < file.size(); start += batch) {
            List<Row> rows = new ArrayList<>(file.subList(start, Math.min(file.size(), start + batch)));
            Map<String, Integer> firstMet = new LinkedHashMap<>();
            rows.forEach(row -> firstMet.putIfAbsent(row.split(), firstMet.size()));
            rows.sort(Comparator.comparing(row -> firstMet.get(row.split())));
            expected.addAll(rows);
        }
        return expected;
    }
}
