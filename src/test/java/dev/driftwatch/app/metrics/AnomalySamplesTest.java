package dev.driftwatch.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.ExpectedRange;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected range of an anomaly result is exported next to its observed value; an unbounded end is not. */
class AnomalySamplesTest {
    @TempDir
    Path tempDir;

    @Test
    void bothEndsOfABandAndOnlyTheFiniteEndOfAOneSidedRangeAreExported() {
        RunReport pima = PimaRuns.evaluate(tempDir, "pima-01.csv", 0.5);
        var band = new RuleResult("rows-anomaly", "anomaly", Severity.WARN, Status.WARN, null, "all", 1300.0, 1263.76,
                "row_count in all is 1300.", List.of(), null, null, new ExpectedRange(784.5, 1263.76));
        var oneSided = new RuleResult("missing-age", "anomaly", Severity.WARN, Status.PASS, "Age", "all", 0.1, 0.15,
                "missing_ratio of Age in all is 0.1.", List.of(), null, null,
                new ExpectedRange(Double.NEGATIVE_INFINITY, 0.15));
        var report = new RunReport("pima", pima.snapshot(), null, pima.startedAt(), pima.finishedAt(), pima.profile(),
                List.of(band, oneSided));
        List<MetricSample> samples = RunSamples.of(report);

        assertThat(samples).contains(
                LatestMetric.ANOMALY_EXPECTED_LOWER.sample(784.5, "pima", "rows-anomaly", null, "all"),
                LatestMetric.ANOMALY_EXPECTED_UPPER.sample(1263.76, "pima", "rows-anomaly", null, "all"),
                LatestMetric.ANOMALY_EXPECTED_UPPER.sample(0.15, "pima", "missing-age", "Age", "all"),
                LatestMetric.RULE_OBSERVED.sample(1300.0, "pima", "rows-anomaly", "anomaly", null, null, "all"));
        assertThat(samples).noneMatch(s -> s.name().equals("driftwatch_anomaly_expected_lower")
                && s.tags().stream().anyMatch(t -> t.getValue().equals("missing-age")));
    }
}
