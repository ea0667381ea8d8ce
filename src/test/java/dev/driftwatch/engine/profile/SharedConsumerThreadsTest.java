package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.cost.CostMeter;
import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Row consumers share threads; each still gets every row in file order, and its own cost. */
class SharedConsumerThreadsTest {
    private static final long MS = 1_000_000;

    @Test
    void onTwoCoresOneThreadServesEveryConsumer() {
        assertThat(LanePipeline.consumerThreads(2)).isEqualTo(1);
        assertThat(LanePipeline.consumerThreads(1)).isEqualTo(1);
        assertThat(LanePipeline.consumerThreads(8)).isEqualTo(8 - LanePipeline.LANES);
    }

    @Test
    void consumersSharingAThreadEachGetEveryRowInFileOrderAndTheirOwnCost() {
        Header header = new Header(List.of("id"));
        List<Row> file = new ArrayList<>();
        for (int i = 0; i < 2 * LanePipeline.BATCH + 7; i++) {
            file.add(new Row(header, new Object[] {String.valueOf(i)}, "", "f.csv", i + 2));
        }
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
