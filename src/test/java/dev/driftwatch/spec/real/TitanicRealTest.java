package dev.driftwatch.spec.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.testing.CsvTable;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Kaggle Titanic split through src/test/resources/titanic-real/titanic.yaml: train.csv (891 rows, with
 * Survived) against test.csv (418 rows, no Survived column). Expected figures are counted here with plain
 * Java ({@link CsvTable}) and checked against ../shared/datasets/titanic/PROVENANCE.md.
 */
class TitanicRealTest {
    private static CsvTable train;
    private static CsvTable test;
    private static RunReport run;

    @BeforeAll
    static void evaluate() throws IOException {
        Path folder = SharedDatasets.resolve("titanic");
        train = CsvTable.read(folder.resolve("train.csv"));
        test = CsvTable.read(folder.resolve("test.csv"));
        run = RealRun.evaluate("src/test/resources/titanic-real/titanic.yaml", folder);
    }

    private static RuleResult result(String rule, String column, String split) {
        return run.results().stream().filter(r -> r.rule().equals(rule))
                .filter(r -> column == null || column.equals(r.column()))
                .filter(r -> split == null || split.equals(r.split()))
                .findFirst().orElseThrow();
    }

    @Test
    void theIndependentCountsAgreeWithProvenance() {
        assertThat(train.rows()).hasSize(891);
        assertThat(test.rows()).hasSize(418);
        assertThat(train.empty("Age")).isEqualTo(177);
        assertThat(test.empty("Age")).isEqualTo(86);
        assertThat(train.empty("Cabin")).isEqualTo(687);
        assertThat(test.empty("Cabin")).isEqualTo(327);
        assertThat(train.header()).contains("Survived");
        assertThat(test.header()).doesNotContain("Survived");
    }

    @Test
    void agesAndCabinsMissingPerSplitAreTheEmptyFields() {
        for (var files : Map.of("train", train, "test", test).entrySet()) {
            String split = files.getKey();
            double rows = files.getValue().rows().size();
            assertThat(run.profile().split(split).orElseThrow().rows()).isEqualTo(files.getValue().rows().size());
            RuleResult ages = result("ages-known", "Age", split);
            assertThat(ages.observed()).isEqualTo(files.getValue().empty("Age") / rows);
            assertThat(ages.status()).isEqualTo(Status.PASS);
            RuleResult cabins = result("cabins-known", "Cabin", split);
            assertThat(cabins.observed()).isEqualTo(files.getValue().empty("Cabin") / rows).isGreaterThan(0.5);
            assertThat(cabins.status()).isEqualTo(Status.WARN);
        }
        assertThat(result("ages-known", "Age", "test").message())
                .isEqualTo("Age: 86 of 418 (20.6%) values missing in test (86 empty); within the allowed 25.0%.");
    }

    @Test
    void theTestSplitWithoutSurvivedIsUnlabelledNotBroken() {
        assertThat(run.profile().reads().rowsRejected()).isZero();
        assertThat(result("labelled", "Survived", "test").observed()).isEqualTo(1.0);
        assertThat(result("labelled", "Survived", "train").observed()).isEqualTo(0.0);
        assertThat(result("label-balance", "Survived", "test").message()).isEqualTo("split test has no labelled rows.");
        assertThat(result("stratified", "Survived", "test").message())
                .isEqualTo("split test has no Survived values, so the class shares of test and train cannot be compared.");
        assertThat(result("drift", "Survived", "test").message())
                .isEqualTo("split test of this snapshot has no values for Survived.");
        assertThat(run.results()).filteredOn(r -> r.status() == Status.ERROR)
                .extracting(RuleResult::rule, RuleResult::column, RuleResult::split)
                .containsExactlyInAnyOrder(
                        tuple("label-balance", "Survived", "test"),
                        tuple("drift", "Survived", "test"),
                        tuple("stratified", "Survived", "test"));
    }

    @Test
    void rulesThatNeedLabelsLearnFromTrainOnly() {
        long died = train.countOf("Survived", "0");
        long survived = train.countOf("Survived", "1");
        assertThat(died + survived).isEqualTo(891);
        RuleResult balance = result("label-balance", "Survived", "train");
        assertThat(balance.observed()).isEqualTo((double) died / survived);
        assertThat(run.profile().split("train").orElseThrow().labels().orElseThrow().counts())
                .isEqualTo(Map.of("0", died, "1", survived));
        assertThat(result("target-leakage", "Sex", null).message()).contains(" of 891 rows ");
        RuleResult conflicts = result("conflicting-labels", "Survived", null);
        assertThat(conflicts.status()).isEqualTo(Status.PASS);
        assertThat(conflicts.message()).startsWith("0 groups of rows (0 rows of 1,309)");
        List<RuleResult> leakage = run.results().stream().filter(r -> r.rule().equals("split-leakage")).toList();
        assertThat(leakage).extracting(RuleResult::column).containsExactlyInAnyOrder("id", "exact");
        assertThat(leakage).extracting(RuleResult::status).containsOnly(Status.PASS);
    }
}
