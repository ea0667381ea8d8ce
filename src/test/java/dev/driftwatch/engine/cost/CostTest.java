package dev.driftwatch.engine.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostTest {
    @Test
    void aSharedThreadsCpuTimeIsDividedByBusyTime() {
        List<Cost> costs = Cost.divided(1_000, new long[] {100, 300, 0});

        // 1,000 ns of CPU split 1:3:0, as the busy times 100, 300 and 0 ns stand
        assertThat(costs).containsExactly(new Cost(100, 250), new Cost(300, 750), new Cost(0, 0));
    }

    @Test
    void withNothingBusyEachGetsAnEqualShare() {
        assertThat(Cost.divided(900, new long[] {0, 0, 0})).containsExactly(new Cost(0, 300), new Cost(0, 300),
                new Cost(0, 300));
    }

    @Test
    void theSharesAddUpToTheThreadsCpuTimeWithinRounding() {
        long[] busy = {7, 11, 13, 17};
        long sum = Cost.divided(1_000_003, busy).stream().mapToLong(Cost::cpuNanos).sum();

        assertThat(sum).isBetween(1_000_003L - busy.length, 1_000_003L + busy.length);
    }
}
