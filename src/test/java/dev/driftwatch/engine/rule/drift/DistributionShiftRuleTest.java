package dev.driftwatch.engine.rule.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * distribution_shift against a reference split and a previous snapshot. Expected figures from SciPy 1.17
 * (ks_2samp, wasserstein_distance / np.std(ddof=1), spatial.distance.jensenshannon base 2, chi2_contingency and
 * contingency.association), as each comment says.
 */
class DistributionShiftRuleTest {
    @TempDir
    Path dir;

    private static String csv(String header, int rows, IntFunction<String> row) {
        return header + "\n" + IntStream.range(0, rows).mapToObj(row).collect(Collectors.joining("\n")) + "\n";
    }

    private RuleFixture splitFixture(String columns, String train, String test) {
        return RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: %s
                rules:
                  - {name: drift, kind: distribution_shift}
                """.formatted(columns)).snapshot("s1", Map.of("train.csv", train, "test.csv", test));
    }

    private static RuleResult only(List<RuleResult> results, String column) {
        return results.stream().filter(r -> column.equals(r.column())).findFirst().orElseThrow();
    }

    @Test
    void tagFrequenciesBeyondTheExactlyCountedTagsAreComparedAsAnEstimate() {
        // 12,000 distinct tags in each split, more than a split counts exactly (10,000): the tracked tags are compared
        // with the rest pooled, and the result says it is an estimate
        var fixture = splitFixture("{tags: t}", csv("id,t", 12_000, i -> i + ",tag" + i),
                csv("id,t", 12_000, i -> i + ",tag" + (i % 3 == 0 ? i : i + 50_000)));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "drift").stream()
                .filter(r -> "t:frequency".equals(r.column())).findFirst().orElseThrow();
        assertThat(result.message()).startsWith("t frequencies in test ").contains("(estimated from sketches")
                .contains("than are counted exactly; the rest are pooled as (other)");
    }

    @Test
    void smallNumericReferenceIsTestedWithKolmogorovSmirnov() {
        // SciPy: ks_2samp(arange(200), arange(200)+30) -> D 0.15, p 0.0220923622208589 (exact)
        var fixture = splitFixture("{numeric: [x]}", csv("x", 200, i -> String.valueOf(i)),
                csv("x", 200, i -> String.valueOf(i + 30)));
        RuleResult result = only(RuleFixture.of(fixture.run("s1"), "drift"), "x");
        assertThat(result.split()).isEqualTo("test");
        assertThat(result.measure()).isEqualTo(new DriftMeasure("ks", 0.15, result.measure().pValue(),
                result.measure().pValue(), 0.15, true, null));
        assertThat(result.measure().pValue()).isCloseTo(0.0220923622208589, within(1e-12));
        // observed is 1 - the adjusted p-value and the threshold 1 - the FDR: higher is more drift
        assertThat(result.observed()).isCloseTo(1 - 0.0220923622208589, within(1e-12));
        assertThat(result.threshold()).isCloseTo(0.95, within(1e-12));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).startsWith("x in test changed against split train: ks statistic 0.150, p = 0.0221");
        assertThat(result.check()).isEqualTo("ks");
    }

    @Test
    void largeNumericReferenceIsJudgedByNormalisedWasserstein() {
        // SciPy: wasserstein_distance(r, r+10) -> 10.0, / std(r, ddof=1) -> 0.34631198824083453 for r = arange(1500) % 100
        var fixture = splitFixture("{numeric: [x]}", csv("x", 1500, i -> String.valueOf(i % 100)),
                csv("x", 1500, i -> String.valueOf(i % 100 + 10)));
        RuleResult result = only(RuleFixture.of(fixture.run("s1"), "drift"), "x");
        assertThat(result.observed()).isCloseTo(0.34631198824083453, within(1e-12));
        assertThat(result.measure().statistic()).isCloseTo(10.0, within(1e-12));
        assertThat(result.measure().pValue()).isNull();
        assertThat(result.threshold()).isEqualTo(0.1);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).startsWith("x in test changed against split train: wasserstein 0.3");
        assertThat(result.check()).isEqualTo("wasserstein");
    }

    @Test
    void identicalNumbersDoNotDrift() {
        var fixture = splitFixture("{numeric: [x]}", csv("x", 1500, i -> String.valueOf(i % 100)),
                csv("x", 1500, i -> String.valueOf((i * 7) % 100)));
        RuleResult result = only(RuleFixture.of(fixture.run("s1"), "drift"), "x");
        // SciPy: wasserstein_distance(arange(1500) % 100, arange(1500) * 7 % 100) -> 0.0
        assertThat(result.observed()).isEqualTo(0.0);
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void largeCategoricalReferenceIsJudgedByJensenShannonDistance() {
        // SciPy: jensenshannon([0.5, 0.5], [640/1200, 560/1200], base=2) -> 0.02833
        var fixture = splitFixture("{label: y}", csv("y", 1200, i -> i % 2 == 0 ? "a" : "b"),
                csv("y", 1200, i -> i < 640 ? "a" : "b"));
        RuleResult result = only(RuleFixture.of(fixture.run("s1"), "drift"), "y");
        assertThat(result.observed()).isCloseTo(0.02833, within(1e-4));
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void smallCategoricalReferenceIsTestedWithChiSquare() {
        // SciPy: chi2_contingency([[50, 50], [70, 30]], correction=False) -> 8.333333333333334, p 0.003892417122778637;
        // contingency.association(same, method='cramer') -> 0.2041241452319315
        var fixture = splitFixture("{label: y}", csv("y", 100, i -> i < 50 ? "a" : "b"),
                csv("y", 100, i -> i < 70 ? "a" : "b"));
        RuleResult result = only(RuleFixture.of(fixture.run("s1"), "drift"), "y");
        assertThat(result.measure().statistic()).isCloseTo(8.333333333333334, within(1e-9));
        assertThat(result.measure().pValue()).isCloseTo(0.003892417122778637, within(1e-9));
        assertThat(result.measure().distance()).isCloseTo(0.2041241452319315, within(1e-12));
        assertThat(result.observed()).isCloseTo(1 - 0.003892417122778637, within(1e-9));
        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aSplitWithoutTheLabelColumnIsAnErrorNamingTheSplit() {
        var fixture = splitFixture("{label: y, numeric: [x]}", csv("x,y", 100, i -> i + "," + (i % 2)),
                csv("x", 100, i -> String.valueOf(i)));
        List<RuleResult> results = RuleFixture.of(fixture.run("s1"), "drift");
        RuleResult label = only(results, "y");
        assertThat(label.status()).isEqualTo(Status.ERROR);
        assertThat(label.split()).isEqualTo("test");
        assertThat(label.message()).isEqualTo("split test of this snapshot has no values for y.");
        assertThat(only(results, "x").status()).isEqualTo(Status.PASS);
    }

    @Test
    void benjaminiHochbergAdjustsPValuesTogether() {
        // by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4/rank -> 0.02, 0.02, 0.04, 0.04, then running minimum from the top
        assertThat(FalseDiscovery.adjust(new double[]{0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[]{0.02, 0.04, 0.04, 0.02}, within(1e-12));
    }

    @Test
    void textLengthAndOutOfVocabularyRateAreComparedWithTheReferenceSplit() {
        var fixture = splitFixture("{text: [t]}", csv("t", 10, i -> "alpha beta gamma"),
                csv("t", 10, i -> i < 5 ? "alpha beta gamma" : "delta beta gamma"));
        List<RuleResult> results = RuleFixture.of(fixture.run("s1"), "drift");
        RuleResult oov = only(results, "t:oov");
        // 5 of 30 words ("delta") never occur in train
        assertThat(oov.observed()).isCloseTo(5.0 / 30, within(1e-12));
        assertThat(oov.status()).isEqualTo(Status.PASS);
        assertThat(oov.message()).isEqualTo("t in test: 5 of 30 (16.7%) words never occur in split train (1 distinct word).");
        assertThat(oov.check()).isEqualTo("oov");
        assertThat(only(results, "t:length").status()).isEqualTo(Status.PASS);
    }

    @Test
    void withoutAReferenceSnapshotTheRuleIsSkippedAndDoesNotBlock() {
        var fixture = RuleFixture.csv(dir, "columns: {numeric: [x]}\nrules:\n  - {name: drift, kind: distribution_shift}\n")
                .snapshot("s1", Map.of("all.csv", "x\n1\n2\n"));
        RunReport run = fixture.run("s1");
        RuleResult result = RuleFixture.of(run, "drift").get(0);
        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.blocksGate()).isFalse();
        assertThat(run.status()).isEqualTo(Status.PASS);
        assertThat(run.blocksGate()).isFalse();
        assertThat(result.message()).isEqualTo("there is no reference snapshot yet to compare with.");
    }

    @Test
    void aPreviousSnapshotIsComparedThroughItsStoredProfile() {
        var fixture = RuleFixture.csv(dir, "columns: {numeric: [x]}\nrules:\n  - {name: drift, kind: distribution_shift}\n")
                .snapshot("s1", Map.of("all.csv", csv("x", 1500, i -> String.valueOf(i % 100))))
                .snapshot("s2", Map.of("all.csv", csv("x", 1500, i -> String.valueOf(i % 100 + 10))));
        RuleResult result = only(RuleFixture.of(fixture.run("s2", "s1"), "drift"), "x");
        // the reference's exact values: SciPy's 0.34631198824083453, as in the split comparison above
        assertThat(result.observed()).isCloseTo(0.34631198824083453, within(1e-12));
        assertThat(result.measure().exact()).isTrue();
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).contains("against split all of the reference snapshot");
    }
}
