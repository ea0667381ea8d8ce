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
        Map<String, Set<String>> threadsOf = new ConcurrentHashMap<>();
        List<Row> alone = new ArrayList<>();
        List<Row> first = new ArrayList<>();
        List<Row> second = new ArrayList<>();
        var pipeline = new LanePipeline(ProfileRequest.builder(ColumnRoles.none()).build(), 2, null,
                List.of(noting("first", first, threadsOf), new OwnThreadConsumer(noting("alone", alone, threadsOf)),
                        noting("second", second, threadsOf)), List.of(),
                new MemoryBudget(DatasetDefinition.DEFAULT_ROW_MEMORY));
        file.forEach(pipeline::accept);
        List<Cost> costs = pipeline.finish().consumers();

        assertThat(alone).isEqualTo(file);
        assertThat(first).isEqualTo(file);
        assertThat(second).isEqualTo(file);
        assertThat(threadsOf.get("alone")).hasSize(1);
        assertThat(threadsOf.get("first")).hasSize(1).isEqualTo(threadsOf.get("second"))
                .doesNotContainAnyElementsOf(threadsOf.get("alone"));
        assertThat(costs).hasSize(3).doesNotContainNull();
    }

    private static Consumer<Row> noting(String name, List<Row> rows, Map<String, Set<String>> threadsOf) {
        return row -> {
            threadsOf.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
            rows.add(row);
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

    @Test
    void consumersSharingAThreadEachGetEveryRowInFileOrderAndTheirOwnCost() {
        List<Row> file = rows(2 * LanePipeline.BATCH + 7);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Row> quick = new ArrayList<>();
        List<Row> slow = new ArrayList<>();
        List<Row> third = new ArrayList<>();
        Consumer<Row> slowConsumer = row -> {
            threads.add(Thread.currentThread().getName());
            slow.add(row);
            if (slow.size() % 64 == 0) {
                spin(10 * MS);
            }
        };
        Consumer<Row> quickConsumer = row -> {
            threads.add(Thread.currentThread().getName());
            quick.add(row);
        };
        var pipeline = new LanePipeline(ProfileRequest.builder(ColumnRoles.none()).build(), 2, null,
                List.of(quickConsumer, slowConsumer, third::add), List.of(),
                new MemoryBudget(DatasetDefinition.DEFAULT_ROW_MEMORY));
        file.forEach(pipeline::accept);
        List<Cost> costs = pipeline.finish().consumers();

        assertThat(quick).isEqualTo(file);
        assertThat(slow).isEqualTo(file);
        assertThat(third).isEqualTo(file);
        assertThat(threads).hasSize(1);
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

    private static void spin(long cpuNanos) {
        long end = CostMeter.cpuNow() + cpuNanos;
        while (CostMeter.cpuNow() < end) {
            Thread.onSpinWait();
        }
    }
}
