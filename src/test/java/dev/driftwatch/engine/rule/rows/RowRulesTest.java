package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Case tables for the rules that watch rows: duplicate_rows, conflicting_labels, split_leakage. */
class RowRulesTest {
    private static final String COLUMNS = """
            splits:
              by: file
              files: {train: train.csv, test: test.csv}
            columns:
              id: id
              inputs: [title, description]
              label: tag
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> duplicateCases() {
        return Stream.of(
                // name, train.csv body, expected status, expected observed, expected evidence ids
                Arguments.of("no duplicates", "1,A,a,x\n2,B,b,y\n", Status.PASS, 0.0, List.of()),
                Arguments.of("a copy under another id", "1,A,a,x\n2,A,a,x\n3,C,c,x\n", Status.FAIL, 1.0 / 3, List.of("2")),
                Arguments.of("same inputs, other label is no duplicate", "1,A,a,x\n2,A,a,y\n", Status.PASS, 0.0, List.of()),
                Arguments.of("duplicates in quotes and spaces count as written", "1,A,a,x\n2,\"A\",a,x\n3,A ,a,x\n",
                        Status.FAIL, 1.0 / 3, List.of("2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateCases")
    void duplicateRowsCountsExtraCopiesPerSplit(String name, String train, Status status, double observed,
                                                List<String> ids) {
        var fixture = RuleFixture.csv(dir, COLUMNS + """
                rules:
                  - {name: dups, kind: duplicate_rows}
                """).snapshot("s1", Map.of("train.csv", "id,title,description,tag\n" + train,
                "test.csv", "id,title,description,tag\n9,Z,z,x\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "dups").stream()
                .filter(r -> "train".equals(r.split())).findFirst().orElseThrow();
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.observed()).isCloseTo(observed, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.evidence()).extracting(Evidence::id).containsExactlyElementsOf(ids);
    }

    @Test
    void withoutAnIdColumnDuplicateRowsComparesEveryColumnAndSaysSo() {
        // recounted by hand: rows 1 and 3 are equal in every column, id included; row 2 differs from row 1 by its id only
        var fixture = RuleFixture.csv(dir, """
                splits:
                  by: file
                  files: {train: train.csv, test: test.csv}
                columns:
                  inputs: [title, description]
                  label: tag
                rules:
                  - {name: dups, kind: duplicate_rows}
                """).snapshot("s1", Map.of("train.csv", "id,title,description,tag\n1,A,a,x\n2,A,a,x\n1,A,a,x\n",
                "test.csv", "id,title,description,tag\n9,Z,z,x\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "dups").stream()
                .filter(r -> "train".equals(r.split())).findFirst().orElseThrow();
        assertThat(result.observed()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.message()).contains("repeat an earlier row exactly in every column;")
                .doesNotContain("but the id");
    }

    static Stream<Arguments> conflictCases() {
        return Stream.of(
                Arguments.of("same label is no conflict", "1,Deep Nets,fast,cv\n2,deep nets,fast,cv\n", "", Status.PASS, List.of()),
                Arguments.of("case and punctuation differ, labels differ",
                        "1,Deep Nets!,fast,cv\n2,deep  nets,fast,nlp\n3,Other,x,cv\n", "", Status.FAIL,
                        List.of("train train.csv:2 cv", "train train.csv:3 nlp")),
                Arguments.of("across splits: test row relabels a train row", "1,A,a,cv\n", "7,A,a,nlp\n", Status.FAIL,
                        List.of("train train.csv:2 cv", "test test.csv:2 nlp")),
                Arguments.of("Unicode compatibility forms are equal", "1,ﬁne Ｔune,a,cv\n2,fine tune,a,nlp\n", "", Status.FAIL,
                        List.of("train train.csv:2 cv", "train train.csv:3 nlp")),
                Arguments.of("single class", "1,A,a,cv\n2,B,b,cv\n", "", Status.PASS, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflictCases")
    void conflictingLabelsGroupsInputsEqualAfterNormalisation(String name, String train, String test, Status status,
                                                              List<String> rows) {
        var fixture = RuleFixture.csv(dir, COLUMNS + """
                rules:
                  - {name: conflicts, kind: conflicting_labels}
                """).snapshot("s1", Map.of("train.csv", "id,title,description,tag\n" + train,
                "test.csv", "id,title,description,tag\n" + test));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "conflicts").get(0);
        assertThat(result.status()).isEqualTo(status);
        // the first row of a group is named by split, file, line and label: its values are not kept
        assertThat(result.evidence()).extracting(e -> e.values().get("split") + " " + e.source() + ":" + e.line()
                + " " + e.values().get("tag")).containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void conflictingLabelsSaysHowManyGroupsAndRowsInOneSentence() {
        var fixture = RuleFixture.csv(dir, COLUMNS + """
                rules:
                  - {name: conflicts, kind: conflicting_labels, severity: warn}
                """).snapshot("s1", Map.of("train.csv", "id,title,description,tag\n1,A,a,x\n2,A,a,y\n3,A,a,x\n4,B,b,x\n",
                "test.csv", "id,title,description,tag\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "conflicts").get(0);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.message()).isEqualTo("1 group of rows (3 rows of 4) have the same title and description after "
                + "normalising case, whitespace, punctuation and Unicode form but disagree on tag; at most 0 allowed.");
        assertThat(result.evidence()).extracting(e -> e.values().get("tag")).containsExactly("x", "y", "x");
    }

    @Test
    void conflictingLabelsWithoutLabelColumnIsAnErrorNotAPass() {
        var fixture = RuleFixture.csv(dir, "columns: {inputs: [title]}\nrules:\n  - {name: c, kind: conflicting_labels}\n")
                .snapshot("s1", Map.of("all.csv", "title\nA\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "c").get(0);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.message()).startsWith("expected input columns and a label or tags column");
    }

    @Test
    void conflictingLabelsLeavesOutUnlabelledRowsAndFindsTheLabelInALaterFile() {
        // test.csv is read first and has no tag column at all (an unlabelled test split); row 3 has an empty tag.
        var fixture = RuleFixture.csv(dir, COLUMNS + "rules:\n  - {name: conflicts, kind: conflicting_labels}\n")
                .snapshot("s1", Map.of("train.csv", "id,title,description,tag\n1,A,a,x\n2,A,a,y\n3,B,b,\n4,B,b,x\n",
                        "test.csv", "id,title,description\n7,A,a\n8,B,b\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "conflicts").get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).startsWith("1 group of rows (2 rows of 6) have the same title and description");
        assertThat(result.evidence()).extracting(e -> e.values().get("split") + " " + e.source() + ":" + e.line())
                .containsExactly("train train.csv:2", "train train.csv:3");
        assertThat(result.evidence().get(1).id()).isEqualTo("2");
    }

    static Stream<Arguments> leakageCases() {
        return Stream.of(
                // test row (file:line) <- where train has it
                Arguments.of("id", "1,A,a,x\n2,B,b,x\n", "1,Q,q,x\n3,R,r,x\n", 0.5, List.of("test.csv:2 <- train.csv, line 2")),
                Arguments.of("exact", "1,A,a,x\n2,B,b,x\n", "4,R,r,x\n3,A,a,x\n", 0.5, List.of("test.csv:3 <- train.csv, line 2")),
                Arguments.of("exact", "1,A,a,x\n", "3,a!,a,x\n", 0.0, List.of()),
                Arguments.of("normalised", "1,A,a,x\n", "3,a!,a,x\n4,R,r,x\n", 0.5, List.of("test.csv:2 <- train.csv, line 2")),
                Arguments.of("near", "1,Transformers for time series forecasting,a survey of recent methods,x\n",
                        // true Jaccard of the 5-gram sets: 0.855 (python, set intersection over union)
                        "3,Transformers for time series forecasting,a survey of the recent methods,x\n4,Graph nets,r,x\n",
                        0.5, List.of("test.csv:2 <- train.csv, line 2")),
                // "time-series" and "the": true Jaccard 0.740, below the 0.8 default
                Arguments.of("near", "1,Transformers for time series forecasting,a survey of recent methods,x\n",
                        "3,Transformers for time-series forecasting,a survey of the recent methods,x\n", 0.0, List.of()),
                Arguments.of("near", "1,Transformers for time series forecasting,a survey,x\n",
                        "3,Convolutional networks for images,a tutorial,x\n", 0.0, List.of()));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("leakageCases")
    void splitLeakageFindsTestRowsInTrain(String mode, String train, String test, double ratio, List<String> rows) {
        var fixture = RuleFixture.csv(dir, COLUMNS + """
                rules:
                  - {name: leak, kind: split_leakage}
                """).snapshot("s1", Map.of("train.csv", "id,title,description,tag\n" + train,
                "test.csv", "id,title,description,tag\n" + test));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "leak").stream()
                .filter(r -> mode.equals(r.column())).findFirst().orElseThrow();
        assertThat(result.split()).isEqualTo("test");
        assertThat(result.observed()).isEqualTo(ratio);
        assertThat(result.status()).isEqualTo(ratio > 0 ? Status.FAIL : Status.PASS);
        assertThat(result.evidence()).extracting(e -> e.source() + ":" + e.line() + " <- " + e.values().get("in_train"))
                .containsExactlyElementsOf(rows);
    }

    @Test
    void splitLeakageMessageReadsAsASentence() {
        var fixture = RuleFixture.csv(dir, COLUMNS + """
                rules:
                  - {name: leak, kind: split_leakage, modes: [normalised]}
                """).snapshot("s1", Map.of("train.csv", "id,title,description,tag\n1,A,a,x\n2,B,b,y\n",
                "test.csv", "id,title,description,tag\n3,a.,A,x\n4,C,c,x\n5,D,d,x\n"));
        List<RuleResult> results = RuleFixture.of(fixture.run("s1"), "leak");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).message()).isEqualTo("1 of 3 (33.3%) rows of test also appear in train after "
                + "normalising case, whitespace, punctuation and Unicode form of title and description; at most 0.0% allowed.");
    }

    @Test
    void splitLeakageSearchesEveryRowForNearDuplicates() {
        // more train rows than the 200,000 a split the search used to be limited to
        StringBuilder train = new StringBuilder("id,title,description,tag\n");
        int rows = 200_003;
        for (int i = 1; i <= rows; i++) {
            train.append(i).append(",title ").append(i).append(",d,x\n");
        }
        // a copy of the first train row and of the last; a third test row is a near-duplicate of the last:
        // "title 200003 d" against "title 200003 dx", 5-gram sets of 10 and 11 with 10 in common (Jaccard 10/11)
        var fixture = RuleFixture.csv(dir, COLUMNS + "rules:\n  - {name: leak, kind: split_leakage, modes: [exact, near]}\n")
                .snapshot("s1", Map.of("train.csv", train.toString(), "test.csv", "id,title,description,tag\n"
                        + "7,title 1,d,x\n8,title " + rows + ",d,x\n9,title " + rows + ",dx,x\n10,other,d,x\n"));
        List<RuleResult> results = RuleFixture.of(fixture.run("s1"), "leak");
        RuleResult exact = results.stream().filter(r -> "exact".equals(r.column())).findFirst().orElseThrow();
        RuleResult near = results.stream().filter(r -> "near".equals(r.column())).findFirst().orElseThrow();
        assertThat(exact.observed()).isEqualTo(0.5);
        assertThat(near.observed()).isEqualTo(0.75);
        assertThat(near.evidence()).extracting(e -> e.source() + ":" + e.line() + " <- " + e.values().get("in_train")
                + " " + e.values().get("similarity")).containsExactly("test.csv:2 <- train.csv, line 2 1.00",
                "test.csv:3 <- train.csv, line 200004 1.00", "test.csv:4 <- train.csv, line 200004 0.91");
        assertThat(near.message()).isEqualTo("3 of 4 (75.0%) rows of test also appear in train as near-duplicates"
                + " (Jaccard similarity of 5-character shingles at least 0.8); at most 0.0% allowed.");
    }

    @Test
    void splitLeakageWithAnEmptyTestSplitIsAnErrorNotAPass() {
        var fixture = RuleFixture.csv(dir, COLUMNS + "rules:\n  - {name: leak, kind: split_leakage}\n")
                .snapshot("s1", Map.of("train.csv", "id,title,description,tag\n1,A,a,x\n",
                        "test.csv", "id,title,description,tag\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "leak").get(0);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.message()).isEqualTo("expected at least two splits to compare but found 1 (train).");
    }

    @Test
    void splitLeakageWithOneSplitIsAnError() {
        var fixture = RuleFixture.csv(dir, "columns: {inputs: [title]}\nrules:\n  - {name: leak, kind: split_leakage}\n")
                .snapshot("s1", Map.of("all.csv", "title\nA\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "leak").get(0);
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.message()).isEqualTo("expected at least two splits to compare but found 1 (all).");
    }
}
