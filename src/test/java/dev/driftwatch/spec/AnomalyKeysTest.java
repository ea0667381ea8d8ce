package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.history.ProfileMetric;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.anomaly.AnomalyRule;
import dev.driftwatch.engine.rule.anomaly.OnlineNormalStrategy;
import dev.driftwatch.engine.rule.anomaly.RelativeChangeStrategy;
import dev.driftwatch.engine.rule.anomaly.SeasonalStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of kind: anomaly in a rules file (the issue's three examples), and the file:line: key: problem of each mistake. */
class AnomalyKeysTest {
    private static final String START = "dataset: d\nsource: s\nrules:\n  - name: a\n    kind: anomaly\n";

    @TempDir
    Path dir;

    private AnomalyRule load(String keys) throws IOException {
        Path file = RulesFiles.write(dir, START + keys);
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
        return (AnomalyRule) new RulesFileLoader().load(file).rules().get(0);
    }

    @Test
    void theIssuesExamplesReachTheRule() throws IOException {
        assertThat(load("    metric: row_count\n    strategy: z_score\n    max_z: 3\n    min_history: 5\n")).isEqualTo(
                new AnomalyRule("a", Severity.WARN, new MetricKey(ProfileMetric.ROW_COUNT, null, null, null),
                        new OnlineNormalStrategy(3), 5, null));
        assertThat(load("    metric: missing_ratio\n    column: Age\n    strategy: relative_change\n    max_increase: 0.5\n"))
                .isEqualTo(new AnomalyRule("a", Severity.WARN, new MetricKey(ProfileMetric.MISSING_RATIO, null, "Age", null),
                        new RelativeChangeStrategy(null, 0.5), 5, null));
        assertThat(load("    metric: mean\n    column: Fare\n    strategy: seasonal\n    period: 7\n    severity: error\n"))
                .isEqualTo(new AnomalyRule("a", Severity.ERROR, new MetricKey(ProfileMetric.MEAN, null, "Fare", null),
                        new SeasonalStrategy(7, null, null, null, 3), 14, null));
    }

    @Test
    void badValuesAreReportedAtTheirKey() throws IOException {
        RulesFiles.assertRefused(dir, START + "    metric: rows\n    strategy: z_score\n", "6: rules[0].metric: expected one of"
                + " [row_count, missing_ratio, distinct, mean, stddev, quantile, category_share, tag_share, duplicate_share,"
                + " unseen_tag_ratio, drift_distance] but found 'rows'");
        RulesFiles.assertRefused(dir, START + "    metric: mean\n    strategy: z_score\n",
                "4: rules[0].column: metric mean needs a column but found none");
        RulesFiles.assertRefused(dir, START + "    metric: row_count\n    strategy: prophet\n",
                "7: rules[0].strategy: expected one of [absolute_change, relative_change, z_score, mad, seasonal] but found 'prophet'");
        RulesFiles.assertRefused(dir, START + "    metric: row_count\n    strategy: z_score\n    period: 7\n",
                "8: rules[0].period: not a parameter of strategy z_score");
        RulesFiles.assertRefused(dir, START + "    metric: row_count\n    strategy: seasonal\n    period: 7\n    min_history: 3\n",
                "9: rules[0].min_history: expected 14 or more for strategy seasonal but found 3");
        RulesFiles.assertRefused(dir, START + "    metric: quantile\n    column: x\n    value: 2\n    strategy: mad\n",
                "8: rules[0].value: expected a quantile rank between 0 and 1 but found 2");
    }
}
