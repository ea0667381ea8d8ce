package dev.driftwatch.engine.rule.categories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** new_categories on small CSV snapshots: a train/test pair, a previous snapshot, and counts beyond the exact limit. */
class NewCategoriesRuleTest {
    @TempDir
    Path dir;

    private static String csv(String header, List<String> rows) {
        return header + "\n" + String.join("\n", rows) + "\n";
    }

    private RunReport splits(String columns, String rule, String train, String test) {
        return RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: %s
                rules:
                  - %s
                """.formatted(columns, rule)).snapshot("s1", Map.of("train.csv", train, "test.csv", test)).run("s1");
    }

    private static RuleResult result(RunReport run, String column, String check) {
        return RuleFixture.of(run, "cats").stream()
                .filter(r -> column.equals(r.column()) && check.equals(r.check()))
                .findFirst().orElseThrow();
    }

    private static List<String> values(RuleResult result) {
        return result.evidence().stream().map(e -> e.values().get("value")).toList();
    }

    @Test
    void valuesOfTestThatTrainLacksAreListedMostFrequentFirst() {
        RunReport run = splits("{categorical: [colour]}", "{name: cats, kind: new_categories}",
                csv("colour", List.of("red", "blue", "green")), csv("colour", List.of("red", "teal", "blue", "pink", "pink")));
        RuleResult result = result(run, "colour", "new");
        assertThat(result.split()).isEqualTo("test");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(3.0 / 5);
        assertThat(result.threshold()).isEqualTo(0.0);
        assertThat(result.message()).isEqualTo("colour in test: 2 values are new since split train, held by 3 of 5 (60.0%)"
                + " rows: pink (2), teal (1); at most 0.0% allowed.");
        assertThat(result.evidence()).extracting(Evidence::values).containsExactly(
                Map.of("value", "pink", "rows", "2", "share", "0.4", "rows_are", "exact"),
                Map.of("value", "teal", "rows", "1", "share", "0.2", "rows_are", "exact"));
        assertThat(RuleFixture.of(run, "cats")).hasSize(1);
    }

    @Test
    void minCountIgnoresRareNewValuesAndMaxNewShareToleratesTheRest() {
        RunReport run = splits("{categorical: [colour]}",
                "{name: cats, kind: new_categories, min_count: 2, max_new_share: 0.4, severity: warn}",
                csv("colour", List.of("red", "blue")), csv("colour", List.of("red", "teal", "blue", "pink", "pink")));
        RuleResult result = result(run, "colour", "new");
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.observed()).isEqualTo(2.0 / 5);
        assertThat(result.message()).isEqualTo("colour in test: 1 value is new since split train, held by 2 of 5 (40.0%)"
                + " rows: pink (2); ignored below min_count 2: teal (1).");
        assertThat(result.evidence()).isEmpty();

        RunReport stricter = splits("{categorical: [colour]}",
                "{name: cats, kind: new_categories, max_new_share: 0.4, severity: warn}",
                csv("colour", List.of("red", "blue")), csv("colour", List.of("red", "teal", "blue", "pink", "pink")));
        assertThat(result(stricter, "colour", "new").status()).isEqualTo(Status.WARN);
    }

    @Test
    void goneValuesAreJudgedOnlyWhenAskedAgainstTheReferenceRows() {
        RunReport run = splits("{categorical: [colour]}", "{name: cats, kind: new_categories, disappeared: true}",
                csv("colour", List.of("red", "blue", "green", "green")), csv("colour", List.of("red", "blue")));
        assertThat(result(run, "colour", "new").status()).isEqualTo(Status.PASS);
        assertThat(result(run, "colour", "new").message()).isEqualTo("colour in test: 0 values are new since split train.");
        RuleResult gone = result(run, "colour", "disappeared");
        assertThat(gone.status()).isEqualTo(Status.FAIL);
        assertThat(gone.observed()).isEqualTo(2.0 / 4);
        assertThat(gone.message()).isEqualTo("colour in test: 1 value of split train is gone, held by 2 of 4 (50.0%)"
                + " rows: green (2); at most 0.0% allowed.");
        assertThat(values(gone)).containsExactly("green");
    }

    @Test
    void byDefaultCategoricalColumnsAndTheLabelAreComparedButNotUndeclaredNumbers() {
        RunReport run = splits("{categorical: [colour], label: y}", "{name: cats, kind: new_categories}",
                csv("colour,y,x,note", List.of("red,a,1,p", "blue,b,2,q")),
                csv("colour,y,x,note", List.of("red,a,3,r", "blue,c,4,q")));
        assertThat(RuleFixture.of(run, "cats")).extracting(RuleResult::column).containsExactlyInAnyOrder("colour", "y", "note");
        assertThat(values(result(run, "y", "new"))).containsExactly("c");
        assertThat(values(result(run, "note", "new"))).containsExactly("r");
    }

    @Test
    void theColumnThatNamesEachRowsSplitIsNotComparedByDefault() {
        RunReport run = RuleFixture.csv(dir, """
                splits: {by: column, column: part}
                reference: {split: train}
                columns: {categorical: [colour]}
                rules:
                  - {name: cats, kind: new_categories}
                """).snapshot("s1", Map.of("all.csv", csv("colour,part",
                        List.of("red,train", "blue,train", "red,test", "green,test")))).run("s1");
        assertThat(RuleFixture.of(run, "cats")).extracting(RuleResult::column).containsExactly("colour");
        assertThat(values(result(run, "colour", "new"))).containsExactly("green");
    }

    @Test
    void aColumnThatCannotBeComparedIsAnErrorWithTheReason() {
        RunReport run = splits("{categorical: [colour], text: [body]}",
                "{name: cats, kind: new_categories, columns: [colour, size, body]}",
                csv("colour,size,body", List.of("red,S,hello there")), csv("colour,body", List.of("red,hello")));
        List<RuleResult> results = RuleFixture.of(run, "cats");
        assertThat(results).extracting(RuleResult::status).containsExactly(Status.PASS, Status.ERROR, Status.ERROR);
        assertThat(results.get(1).message()).isEqualTo("column 'size' is not in split test.");
        assertThat(results.get(2).message()).isEqualTo("column 'body' has no value counts in split test (it is profiled as"
                + " text, numbers, an id or timestamps); declare it under columns.categorical.");
    }

    @Test
    void withoutAReferenceSnapshotTheRuleIsSkipped() {
        var fixture = RuleFixture.csv(dir, "columns: {categorical: [c]}\nrules:\n  - {name: cats, kind: new_categories}\n")
                .snapshot("s1", Map.of("all.csv", "c\na\n"));
        List<RuleResult> results = RuleFixture.of(fixture.run("s1"), "cats");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.SKIPPED);
            assertThat(r.message()).isEqualTo("there is no reference snapshot yet to compare with.");
        });
    }

    @Test
    void aMissingReferenceSplitIsAnError() {
        RunReport run = RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: validation}
                columns: {categorical: [c]}
                rules:
                  - {name: cats, kind: new_categories}
                """).snapshot("s1", Map.of("train.csv", "c\na\n", "test.csv", "c\nb\n")).run("s1");
        assertThat(RuleFixture.of(run, "cats")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.message()).startsWith("expected reference split 'validation' in this snapshot but found only");
        });
    }

    @Test
    void aPreviousSnapshotIsComparedThroughItsStoredProfile() {
        var fixture = RuleFixture.csv(dir, "columns: {categorical: [c]}\nrules:\n  - {name: cats, kind: new_categories}\n")
                .snapshot("s1", Map.of("all.csv", "c\na\nb\n"))
                .snapshot("s2", Map.of("all.csv", "c\na\nb\nz\n"));
        RuleResult result = RuleFixture.of(fixture.run("s2", "s1"), "cats").get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(1.0 / 3);
        assertThat(result.message()).contains("1 value is new since split " + result.split() + " of the reference snapshot");
        assertThat(values(result)).containsExactly("z");
    }

    @Test
    void aValueTheInexactReferenceMayHoldIsNotClaimedNewAndTheBoundIsStated() {
        // train: "common" 1,500 times and 1,500 values once each, more than the 1,000 counted exactly
        List<String> train = IntStream.range(0, 3000).mapToObj(i -> i % 2 == 0 ? "common" : "u" + i / 2).toList();
        List<String> test = new java.util.ArrayList<>(java.util.Collections.nCopies(300, "fresh"));
        test.addAll(java.util.Collections.nCopies(100, "common"));
        test.add("u5");
        RunReport run = splits("{categorical: [c]}", "{name: cats, kind: new_categories}", csv("c", train), csv("c", test));
        var summary = run.profile().split("train").orElseThrow().column("c").orElseThrow().categorical();
        assertThat(summary.exact()).isFalse();
        assertThat(summary.count("u5")).as("u5 fell out of the train summary").isZero();
        long error = summary.maxError();
        assertThat(error).isBetween(1L, 299L);

        RuleResult result = result(run, "c", "new");
        assertThat(values(result)).containsExactly("fresh");
        assertThat(result.observed()).isEqualTo(300.0 / 401);
        assertThat(result.message()).isEqualTo("c in test: 1 value is new since split train, held by 300 of 401 (74.8%)"
                + " rows: fresh (300); split train keeps estimated counts, so a value it seems to lack may hold up to "
                + error + " rows there: only values with more rows than that are listed (1 not listed);"
                + " at most 0.0% allowed.");
    }

    @Test
    void inexactCountsOfTheSplitAreListedAtTheirFewest() {
        List<String> train = List.of("common");
        List<String> test = IntStream.range(0, 3000).mapToObj(i -> i % 3 == 0 ? "fresh" : "w" + i).collect(Collectors.toList());
        RunReport run = splits("{categorical: [c]}", "{name: cats, kind: new_categories, max_evidence: 1}", csv("c", train),
                csv("c", test));
        var summary = run.profile().split("test").orElseThrow().column("c").orElseThrow().categorical();
        assertThat(summary.exact()).isFalse();
        long error = summary.maxError();

        RuleResult result = result(run, "c", "new");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.evidence()).singleElement().satisfies(e -> {
            assertThat(e.values()).containsEntry("value", "fresh").containsEntry("rows_are", "at least");
            assertThat(Long.parseLong(e.values().get("rows"))).isEqualTo(summary.count("fresh") - error)
                    .isBetween(1000 - error, 1000L);
        });
        assertThat(result.observed()).isLessThanOrEqualTo(1.0);
        assertThat(result.message()).contains("; counts in split test are estimates up to " + error
                + " rows too high (listed at their fewest), and values with at most that many rows are not tracked");
    }
}
