package dev.driftwatch.engine.rule.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case table for the kinds users of Deequ, Great Expectations and Deepchecks expect: each case is a
 * rule, a train and a test file, and the expected status, observed value and message start of the
 * result for the test split (or the only result).
 */
class TableRulesTest {
    private static final String LAYOUT = """
            splits: {by: file, files: {train: train.csv, test: test.csv}}
            columns: {id: id, label: y, numeric: [x], categorical: [c], timestamps: [t]}
            rules:
              - %s
            """;

    @TempDir
    Path dir;

    private static String rows(int n, java.util.function.IntFunction<String> row) {
        return "id,x,c,t,y\n" + IntStream.range(0, n).mapToObj(row).collect(Collectors.joining("\n")) + "\n";
    }

    private static final String BALANCED = rows(20, i -> i + "," + i + ",a,2026-11-20," + (i % 2 == 0 ? "yes" : "no"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("row_count within bounds", "{name: r, kind: row_count, min: 10, max: 30}", BALANCED, BALANCED,
                        Status.PASS, 20.0, "test has 20 rows; between 10 and 30 expected."),
                Arguments.of("row_count too few", "{name: r, kind: row_count, min: 25}", BALANCED, BALANCED,
                        Status.FAIL, 20.0, "test has 20 rows; at least 25 expected."),
                Arguments.of("class_balance even", "{name: r, kind: class_balance}", BALANCED, BALANCED,
                        Status.PASS, 1.0, "y in test: the largest class (no) has 1.0 times the rows of the smallest (yes, 50.0% of rows)."),
                Arguments.of("class_balance skewed", "{name: r, kind: class_balance, max_imbalance_ratio: 3}", BALANCED,
                        rows(20, i -> i + ",1,a,2026-11-20," + (i < 16 ? "no" : "yes")),
                        Status.FAIL, 4.0, "y in test: the largest class (no) has 4.0 times the rows of the smallest (yes, 20.0% of rows); at most 3.0 times allowed."),
                Arguments.of("class_balance single class", "{name: r, kind: class_balance}", BALANCED,
                        rows(5, i -> i + ",1,a,2026-11-20,no"), Status.FAIL, 1.0,
                        "y in test has a single class, no, so there is nothing to tell apart."),
                Arguments.of("split_stratification alike", "{name: r, kind: split_stratification}", BALANCED, BALANCED,
                        Status.PASS, 0.0, "y: the class share differs most for"),
                Arguments.of("split_stratification apart", "{name: r, kind: split_stratification}", BALANCED,
                        rows(20, i -> i + ",1,a,2026-11-20," + (i < 15 ? "no" : "yes")), Status.FAIL, 0.25,
                        "y: the class share differs most for no, 50.0% in train and 75.0% in test; at most 5.0% points apart allowed."),
                Arguments.of("inconsistent_values, the UCI Adult income spellings", "{name: r, kind: inconsistent_values, columns: [y]}",
                        BALANCED, rows(6, i -> i + ",1,a,2026-11-20," + List.of(">50K", ">50K.", "<=50K", "<=50K.", ">50K", "<=50K").get(i)),
                        Status.FAIL, 2.0, "y in test: 2 values are spelled more than one way ("),
                Arguments.of("inconsistent_values none", "{name: r, kind: inconsistent_values}", BALANCED, BALANCED,
                        Status.PASS, 0.0, "c in test: 0 values are spelled more than one way."),
                Arguments.of("value_range outside", "{name: r, kind: value_range, columns: [x], min: 0, max: 15}", BALANCED, BALANCED,
                        Status.FAIL, 0.2, "x in test: 4 of 20 (20.0%) numeric values lie outside [0.0, 15.0]; at most 0.0% allowed."),
                Arguments.of("outliers one far value", "{name: r, kind: outliers, max_ratio: 0.005}", BALANCED,
                        rows(100, i -> i + "," + (i == 99 ? 100000 : i % 10) + ",a,2026-11-20,no"), Status.FAIL, 0.01,
                        "x in test: 1 of 100 (1.0%) values lie outside the IQR fences"),
                Arguments.of("type_consistency a word among numbers", "{name: r, kind: type_consistency, columns: [x]}", BALANCED,
                        rows(4, i -> i + "," + (i == 2 ? "unknown" : String.valueOf(i)) + ",a,2026-11-20,no"), Status.FAIL, 0.25,
                        "x in test holds integer values, but 1 of 4 (25.0%) do not fit (1 text); at most 0.0% allowed."),
                Arguments.of("freshness by column, fresh", "{name: r, kind: freshness, max_age: 7d, column: t}", BALANCED, BALANCED,
                        Status.PASS, 5.5 * 86400, "The snapshot is 5 days old by its newest t (2026-11-20T00:00:00Z); within 7 days."),
                Arguments.of("freshness by column, stale", "{name: r, kind: freshness, max_age: 2d, column: t}", BALANCED, BALANCED,
                        Status.FAIL, 5.5 * 86400, "The snapshot is 5 days old by its newest t (2026-11-20T00:00:00Z); at most 2 days allowed."),
                Arguments.of("target_leakage a copy of the label", "{name: r, kind: target_leakage, features: [c]}",
                        rows(20, i -> i + ",1," + (i % 2 == 0 ? "Y" : "N") + ",2026-11-20," + (i % 2 == 0 ? "yes" : "no")),
                        rows(20, i -> i + ",1," + (i % 2 == 0 ? "Y" : "N") + ",2026-11-20," + (i % 2 == 0 ? "yes" : "no")),
                        Status.FAIL, 1.0, "c alone predicts y for 100.0% of 40 rows (always guessing the majority class: 50.0%); predictive power 1.000, above the allowed 0.95: it may leak the label."),
                Arguments.of("target_leakage unrelated feature", "{name: r, kind: target_leakage, features: [c]}",
                        rows(20, i -> i + ",1," + (i % 4 < 2 ? "P" : "Q") + ",2026-11-20," + (i % 2 == 0 ? "yes" : "no")), BALANCED,
                        Status.PASS, 0.0, "c alone predicts y for 50.0% of 40 rows"));
    }

    @Test
    void splitStratificationCannotCompareASplitWithoutLabels() {
        String unlabelled = "id,x,c,t\n" + IntStream.range(0, 5).mapToObj(i -> i + ",1,a,2026-11-20").collect(Collectors.joining("\n")) + "\n";
        var fixture = RuleFixture.csv(dir, LAYOUT.formatted("{name: r, kind: split_stratification}"))
                .snapshot("s1", Map.of("train.csv", BALANCED, "test.csv", unlabelled));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "r").get(0);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.split()).isEqualTo("test");
        assertThat(result.message()).isEqualTo("split test has no y values, so the class shares of test and train cannot be compared.");
    }

    @Test
    void anInputDeclaredCategoricalKeepsItsValueCounts() {
        var fixture = RuleFixture.csv(dir, """
                columns: {inputs: [x, c], label: y, numeric: [x], categorical: [c]}
                rules:
                  - {name: r, kind: inconsistent_values, columns: [c]}
                """).snapshot("s1", Map.of("all.csv", "x,c,y\n1,IT,a\n2,I.T.,b\n3,it,a\n4,HR,b\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "r").get(0);
        assertThat(result.status()).as(result.message()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(1.0);
        assertThat(result.message()).startsWith("c in all: 1 value is spelled more than one way");
    }

    @Test
    void spellingGroupsFromEstimatedCountsSayAtLeastAndAbout() {
        // 1,500 values used once (more than the 1,000 counted exactly), IT in 300 rows and it in 200: 500 rows
        String rows = "x,c,y\n" + IntStream.range(0, 2_000).mapToObj(i -> i + "," + (i < 1_500 ? "v" + i : i < 1_800 ? "IT" : "it")
                + ",a").collect(Collectors.joining("\n")) + "\n";
        var fixture = RuleFixture.csv(dir, """
                columns: {label: y, categorical: [c]}
                rules:
                  - {name: r, kind: inconsistent_values, columns: [c]}
                """).snapshot("s1", Map.of("all.csv", rows));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "r").get(0);
        assertThat(result.status()).as(result.message()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(1.0);
        var matcher = java.util.regex.Pattern.compile("c in all: at least 1 value is spelled more than one way \\('IT' and "
                + "'it'\\), in about ([0-9,]+) \\(±([0-9,]+)\\) rows; the profile keeps estimated counts of c \\(up to "
                + "([0-9,]+) rows? too high, and spellings with at most that many rows are not tracked\\); at most 0 allowed\\.")
                .matcher(result.message());
        assertThat(matcher.matches()).as(result.message()).isTrue();
        long about = Long.parseLong(matcher.group(1).replace(",", ""));
        long error = Long.parseLong(matcher.group(2).replace(",", ""));
        assertThat(500L).isBetween(about - error, about + error);
        assertThat(error).isLessThanOrEqualTo(2 * Long.parseLong(matcher.group(3).replace(",", "")));
    }

    @Test
    void outliersOfADeclaredNumericColumnAreCountedExactlyFromItsValues() throws Exception {
        // numpy: q1, q3 = quantile(bmi, [.25, .75]) -> 27.3, 36.6; 19 of 768 values lie outside [13.35, 50.55]
        RuleResult result = pimaBmiOutliers("{label: Outcome, numeric: [BMI]}", "{name: r, kind: outliers, max_ratio: 0.02}");
        assertThat(result.message()).isEqualTo("BMI in all: 19 of 768 (2.5%) values lie outside the IQR fences "
                + "[13.35, 50.55]; at most 2.0% allowed.");
        assertThat(result.observed()).isEqualTo(19 / 768.0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void outliersFromTheSketchOfPimaBmiAreJudgedByTheirLowerBoundWhichHoldsTheTruth() throws Exception {
        // BMI not declared numeric: no exact values kept, so the count comes from the sketch, with its error
        // numpy: q1, q3 = quantile(bmi, [.25, .75]) -> 27.3, 36.6; 19 of 768 values lie outside [13.35, 50.55]
        RuleResult result = pimaBmiOutliers("{label: Outcome}", "{name: r, kind: outliers, columns: [BMI], max_ratio: 0.02}");
        var matcher = java.util.regex.Pattern.compile("BMI in all: about ([0-9,]+) \\(±([0-9,]+)\\) of 768 \\([0-9.]+%, at "
                + "least [0-9.]+%\\) values lie outside the IQR fences \\[.*\\] \\(estimated from the distribution sketch, "
                + "to one bin\\)(; at most 2.0% allowed)?\\.").matcher(result.message());
        assertThat(matcher.matches()).as(result.message()).isTrue();
        long about = Long.parseLong(matcher.group(1).replace(",", ""));
        long error = Long.parseLong(matcher.group(2).replace(",", ""));
        assertThat(19L).isBetween(about - error, about + error);
        assertThat(result.observed()).isLessThanOrEqualTo(19 / 768.0);
        assertThat(result.status()).isEqualTo(result.observed() > 0.02 ? Status.FAIL : Status.PASS);
    }

    private RuleResult pimaBmiOutliers(String columns, String rule) throws Exception {
        String pima = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/datasets/pima/diabetes.csv"));
        var fixture = RuleFixture.csv(dir, "columns: " + columns + "\nrules:\n  - " + rule + "\n")
                .snapshot("s1", Map.of("diabetes.csv", pima));
        return RuleFixture.of(fixture.run("s1"), "r").get(0);
    }

    @Test
    void targetLeakageLearnsFromTheLabelledSplitWhenAnUnlabelledOneIsReadFirst() {
        String leaking = rows(20, i -> i + ",1," + (i % 2 == 0 ? "Y" : "N") + ",2026-11-20," + (i % 2 == 0 ? "yes" : "no"));
        String unlabelled = "id,x,c,t\n" + IntStream.range(0, 5).mapToObj(i -> i + ",1,Y,2026-11-20").collect(Collectors.joining("\n")) + "\n";
        var fixture = RuleFixture.csv(dir, LAYOUT.formatted("{name: r, kind: target_leakage, features: [c]}"))
                .snapshot("s1", Map.of("train.csv", leaking, "test.csv", unlabelled));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "r").get(0);
        assertThat(result.status()).as(result.message()).isEqualTo(Status.FAIL);
        assertThat(result.message()).startsWith("c alone predicts y for 100.0% of 20 rows");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleGivesTheExpectedResult(String name, String rule, String train, String test, Status status, double observed,
                                    String message) {
        var fixture = RuleFixture.csv(dir, LAYOUT.formatted(rule)).snapshot("s1", Map.of("train.csv", train, "test.csv", test));
        List<RuleResult> results = RuleFixture.of(fixture.run("s1"), "r");
        RuleResult result = results.stream().filter(r -> "test".equals(r.split())).findFirst().orElse(results.get(0));
        assertThat(result.status()).as(result.message()).isEqualTo(status);
        assertThat(result.observed()).isCloseTo(observed, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.message()).startsWith(message);
    }
}
