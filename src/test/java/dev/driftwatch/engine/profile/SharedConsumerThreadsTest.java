package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.OwnThreadConsumer;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Row consumers share threads, but for those given one of their own; each gets every row in file order, and its own cost. */
class SharedConsumerThreadsTest {
    private static final long MS = 1_000_000;

    private final Map<String, Set<String>> threadsOf = new ConcurrentHashMap<>();

    @Test
    void onTwoCoresOneThreadServesTheConsumersWithoutOneOfTheirOwn() {
        assertThat(LanePipeline.sharedThreads(2, 0)).isEqualTo(1);
        assertThat(LanePipeline.sharedThreads(2, 1)).isEqualTo(1);
        assertThat(LanePipeline.sharedThreads(1, 0)).isEqualTo(1);
        assertThat(LanePipeline.sharedThreads(8, 1)).isEqualTo(8 - LanePipeline.LANES - 1);
    }

    @Test
    void aConsumerWithAThreadOfItsOwnGetsEveryRowThereAndTheOthersShareOne() {
        List<Row> file = rows(3 * LanePipeline.BATCH + 5);
        List<Row> alone = new ArrayList<>();
        List<Row> first = new ArrayList<>();
        List<Row> second = new ArrayList<>();

        List<Cost> costs = costsOf(file, List.of(noting("first", first, 0),
                new OwnThreadConsumer(noting("alone", alone, 0)), noting("second", second, 0)));

        assertThat(alone).isEqualTo(file);
        assertThat(first).isEqualTo(file);
        assertThat(second).isEqualTo(file);
        assertThat(threadsOf.get("alone")).hasSize(1);
        assertThat(threadsOf.get("first")).hasSize(1).isEqualTo(threadsOf.get("second"))
                .doesNotContainAnyElementsOf(threadsOf.get("alone"));
        assertThat(costs).hasSize(3).doesNotContainNull();
    }

    @Test
    void consumersSharingAThreadEachGetEveryRowInFileOrderAndTheirOwnCost() {
        List<Row> file = rows(2 * LanePipeline.BATCH + 7);
        List<Row> quick = new ArrayList<>();
        List<Row> slow = new ArrayList<>();
        List<Row> third = new ArrayList<>();

        List<Cost> costs = costsOf(file, List.of(noting("quick", quick, 0), noting("slow", slow, 10 * MS),
                noting("third", third, 0)));

        assertThat(quick).isEqualTo(file);
        assertThat(slow).isEqualTo(file);
        assertThat(third).isEqualTo(file);
        assertThat(threadsOf.values().stream().flatMap(Set::stream).distinct()).hasSize(1);
        assertThat(costs).hasSize(3);
        // the slow consumer spun 10 ms of its thread's CPU time (the JVM's thread CPU clock) for every 64th of its
        // 1,031 rows: 16 times, at least 160 ms busy and 160 ms of CPU, none of it charged to the others
        assertThat(costs.get(1).wallNanos()).isGreaterThanOrEqualTo(160 * MS);
        assertThat(costs.get(1).cpuNanos()).isGreaterThanOrEqualTo(160 * MS);
        for (int quickOne : new int[] {0, 2}) {
            assertThat(costs.get(quickOne).wallNanos()).isLessThan(40 * MS);
            assertThat(costs.get(quickOne).cpuNanos()).isLessThan(40 * MS);
        }
    }

    /** Each row consumer's cost after a pass over the rows. */
    private static List<Cost> costsOf(List<Row> file, List<Consumer<Row>> consumers) {
        var pipeline = new LanePipeline(ProfileRequest.builder(ColumnRoles.none()).build(), 2, null, consumers,
                List.of(), new MemoryBudget(DatasetDefinition.DEFAULT_ROW_MEMORY));
        file.forEach(pipeline::accept);
        return pipeline.finish().consumers();
    }

    /** Keeps the rows and the threads it saw; spins this much of its thread's CPU time every 64th row. */
    private Consumer<Row> noting(String name, List<Row> rows, long spinEvery64) {
        return row -> {
            threadsOf.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
            rows.add(row);
            if (spinEvery64 > 0 && rows.size() % 64 == 0) {
                long end = CostMeter.cpuNow() + spinEvery64;
                while (CostMeter.cpuNow() < end) {
                    Thread.onSpinWait();
                }
            }
        };
    }

    private static List<Row> rows(int count) {
        Header header = new Header(List.of("id"));
        List<Row> file = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            file.add(new Row(header, new Object[] {String.valueOf(i)}, "", "f.csv", i + 2));
        }
        return file;
    }
}
