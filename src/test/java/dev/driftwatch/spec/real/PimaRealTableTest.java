package dev.driftwatch.spec.real;

import dev.driftwatch.testing.SharedDatasets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real Pima table (768 rows) through the tabular preset. Expected counts from a Python csv pass over
 * diabetes.csv: zeros Glucose 5, BloodPressure 35, SkinThickness 227, Insulin 374, BMI 11; classes 500/268;
 * no duplicate rows.
 */
class PimaRealTableTest {
    private static RunReport run() {
        return RealRun.evaluate("src/test/resources/pima-real/pima-tabular.yaml",
                SharedDatasets.resolve("pima-diabetes/diabetes.csv"));
    }

    private static List<RuleResult> of(RunReport run, String rule) {
        return run.results().stream().filter(r -> r.rule().equals(rule)).toList();
    }

    @Test
    void zerosThatMeanNotMeasuredAreCountedAndTheTabularPresetReadsTheTable() {
        RunReport run = run();
        assertThat(of(run, "zero-means-not-measured")).extracting(RuleResult::message).containsExactly(
                "Glucose: 5 of 768 (0.7%) values missing in all (5 '0'); within the allowed 5.0%.",
                "BloodPressure: 35 of 768 (4.6%) values missing in all (35 '0'); within the allowed 5.0%.",
                "SkinThickness: 227 of 768 (29.6%) values missing in all (227 '0'); at most 5.0% allowed.",
                "Insulin: 374 of 768 (48.7%) values missing in all (374 '0'); at most 5.0% allowed.",
                "BMI: 11 of 768 (1.4%) values missing in all (11 '0'); within the allowed 5.0%.");
        assertThat(of(run, "duplicate-rows")).singleElement().extracting(RuleResult::status).isEqualTo(Status.PASS);
        assertThat(of(run, "label-balance")).singleElement().satisfies(r -> {
            assertThat(r.observed()).isEqualTo(500.0 / 268);
            assertThat(r.status()).isEqualTo(Status.PASS);
        });
        assertThat(of(run, "target-leakage")).hasSize(8).extracting(RuleResult::status).containsOnly(Status.PASS);
        assertThat(of(run, "types")).extracting(RuleResult::status).containsOnly(Status.PASS);
        assertThat(of(run, "drift")).singleElement().extracting(RuleResult::status).isEqualTo(Status.SKIPPED);
    }
}
