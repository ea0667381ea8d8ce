package dev.driftwatch.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What expires, worked out by hand from the rules of {@link RetentionPlan} for a few runs. */
class RetentionPlanTest {
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    /** Newest first: a failed run of snapshot 3, then snapshot 2 (success over a failure), then snapshot 1 twice. */
    private static final List<RetentionPlan.FinishedRun> RUNS = List.of(
            run(5, 3L, false, 1), run(4, 2L, true, 2), run(3, 2L, false, 3), run(2, 1L, true, 40), run(1, 1L, true, 50));

    @Test
    void beyondTheNewestRunTheNewestSuccessAndEachSnapshotsMarkStay() {
        RetentionPlan plan = RetentionPlan.of(RUNS, Set.of(), NOW, null, 1, false);

        // 5: the newest; 4: the newest success; 3: a failure; 2: snapshot 1's mark; 1: superseded by 2
        assertThat(plan.runsDeleted()).containsExactlyInAnyOrder(3L, 1L);
        assertThat(plan.resultsDeleted()).containsExactly(2L);
        assertThat(plan.profilesDeleted()).containsExactly(2L);
    }

    @Test
    void byAgeOnlyOlderRunsExpireAndAReferenceOrTheHistoryKeepsTheProfile() {
        RetentionPlan referenced = RetentionPlan.of(RUNS, Set.of(1L), NOW, Duration.ofDays(30), 0, false);
        RetentionPlan history = RetentionPlan.of(RUNS, Set.of(), NOW, Duration.ofDays(30), 0, true);

        // runs 2 and 1 ended 40 and 50 days ago
        assertThat(referenced.runsDeleted()).containsExactly(1L);
        assertThat(referenced.resultsDeleted()).containsExactly(2L);
        assertThat(referenced.profilesDeleted()).isEmpty();
        assertThat(history.profilesDeleted()).isEmpty();
    }

    @Test
    void withoutLimitsNothingExpires() {
        RetentionPlan plan = RetentionPlan.of(RUNS, Set.of(), NOW, null, 0, false);

        assertThat(plan.runsDeleted()).isEmpty();
        assertThat(plan.resultsDeleted()).isEmpty();
    }

    private static RetentionPlan.FinishedRun run(long id, Long snapshot, boolean succeeded, int daysAgo) {
        return new RetentionPlan.FinishedRun(id, snapshot, succeeded, NOW.minus(Duration.ofDays(daysAgo)));
    }
}
