package dev.driftwatch.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.metrics.PimaRuns;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTransitionsTest {
    @TempDir
    Path tempDir;

    private final Instant first = Instant.parse("2026-11-25T10:00:00Z");
    private final Instant second = Instant.parse("2026-11-25T11:00:00Z");

    @Test
    void aStatusChangeFromWarnToFailResolvesTheWarningAndFiresTheFailure() {
        RunReport pima = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        var before = AlertTransitions.between(Map.of(), with(pima, Status.WARN), 1, first);
        var after = AlertTransitions.between(before.firing(), with(pima, Status.FAIL), 2, second);

        assertThat(after.started()).extracting(alert -> alert.labels().get("rule") + ":" + alert.labels().get("status"))
                .containsExactly("glucose-stable:fail");
        assertThat(after.resolved()).extracting(alert -> alert.labels().get("rule") + ":" + alert.labels().get("status"))
                .containsExactly("glucose-stable:warn");
        assertThat(after.resolved().get(0).endsAt()).isEqualTo(second);
        assertThat(after.resolved().get(0).startsAt()).isEqualTo(first);
    }

    @Test
    void anUnchangedFailureKeepsItsStartAndTakesTheLatestObservation() {
        RunReport pima = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        var before = AlertTransitions.between(Map.of(), pima, 1, first);
        var after = AlertTransitions.between(before.firing(), pima, 2, second);

        assertThat(after.changed()).isFalse();
        assertThat(after.firing().values()).extracting(RuleAlert::startsAt).containsOnly(first);
        assertThat(after.firing().values()).extracting(RuleAlert::runId).containsOnly(2L);
        // vitals-measured fails and lab-values-measured warns on pima-03.csv (awk: 35/768 and 227/768 zeros)
        assertThat(after.firing().values()).extracting(alert -> alert.labels().get("rule"))
                .containsExactlyInAnyOrder("vitals-measured", "lab-values-measured");
    }

    @Test
    void aSkippedResultNeverFiresAndResolvesWhatFiredBefore() {
        RunReport pima = PimaRuns.evaluate(tempDir, "pima-03.csv", 0.04);
        var first = AlertTransitions.between(Map.of(), with(pima, Status.SKIPPED), 1, this.first);
        assertThat(first.firing()).isEmpty();
        assertThat(first.started()).isEmpty();

        var failing = AlertTransitions.between(first.firing(), with(pima, Status.FAIL), 2, second);
        var skippedAgain = AlertTransitions.between(failing.firing(), with(pima, Status.SKIPPED), 3, second.plusSeconds(60));
        assertThat(skippedAgain.started()).isEmpty();
        assertThat(skippedAgain.resolved()).extracting(alert -> alert.labels().get("status")).containsExactly("fail");
    }

    private static RunReport with(RunReport pima, Status drift) {
        var result = new RuleResult("glucose-stable", "distribution_shift", Severity.ERROR, drift, "Glucose", null, 0.3,
                0.2, "Glucose in all changed against pima-02.csv: psi 0.300 (a change is reported at 0.2 or more).",
                List.of());
        return new RunReport(pima.dataset(), pima.snapshot(), null, pima.startedAt(), pima.finishedAt(), pima.profile(),
                List.of(result));
    }
}
