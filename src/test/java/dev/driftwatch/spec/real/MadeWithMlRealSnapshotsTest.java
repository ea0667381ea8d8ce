package dev.driftwatch.spec.real;

import dev.driftwatch.testing.SharedDatasets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Made With ML author's own Great Expectations suites, expressed as Driftwatch rules (one rules file
 * per era of the data's schema, in src/test/resources/madewithml-real), evaluated over all 25 real
 * snapshots, each against the previous snapshot of the same era. Expected figures come from an
 * independent Python script over the same files (NFKC, lower case, Unicode punctuation removed,
 * whitespace collapsed for the conflict groups; aliases resolved with each snapshot's tags.json).
 * Writes target/madewithml-findings.md, the table the README shows.
 */
class MadeWithMlRealSnapshotsTest {
    private static final Path SNAPSHOTS = SharedDatasets.resolve("madewithml/snapshots");
    private static final Map<String, RunReport> RUNS = new LinkedHashMap<>();

    private static String era(String snapshot) {
        int n = Integer.parseInt(snapshot.substring(1, 3));
        return n <= 17 ? "mwml-json-tags" : n <= 20 ? "mwml-json-tag" : n == 21 ? "mwml-csv-projects"
                : n <= 23 ? "mwml-csv-labeled" : "mwml-csv-split";
    }

    @BeforeAll
    static void evaluateEverySnapshot() throws IOException {
        if (!Files.isDirectory(SNAPSHOTS)) {
            throw new IllegalStateException("expected the real Made With ML snapshots at " + SNAPSHOTS + " but found none");
        }
        var loader = new RulesFileLoader();
        var discovery = new SnapshotDiscovery(Clock.systemUTC());
        var evaluator = new SnapshotEvaluator(new Profiler(), Clock.systemUTC());
        Map<String, SnapshotEvaluator.Reference> previous = new LinkedHashMap<>();
        List<Path> folders;
        try (Stream<Path> list = Files.list(SNAPSHOTS)) {
            folders = list.sorted().toList();
        }
        for (Path folder : folders) {
            String id = folder.getFileName().toString();
            String era = era(id);
            RulesFile rules = loader.load(Path.of("src/test/resources/madewithml-real/" + era + ".yaml"));
            var snapshot = discovery.snapshotAt(rules.dataset(), folder).orElseThrow();
            RunReport run = evaluator.evaluate(rules.dataset(), rules.rules(), snapshot, Optional.ofNullable(previous.get(era)));
            RUNS.put(id.substring(0, 3), run);
            previous.put(era, new SnapshotEvaluator.Reference(id, run.profile()));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/madewithml-findings.md"), FindingsTable.of(RUNS));
    }

    private static List<RuleResult> results(String snapshot, String rule) {
        return RUNS.get(snapshot).results().stream().filter(r -> r.rule().equals(rule)).toList();
    }

    private static RuleResult result(String snapshot, String rule, String column) {
        return results(snapshot, rule).stream().filter(r -> column == null || column.equals(r.column())).findFirst().orElseThrow();
    }

    @Test
    void allTwentyFiveSnapshotsAreEvaluated() {
        assertThat(RUNS).hasSize(25);
    }

    @Test
    void theAuthorsUniquenessRulesFailOnlyInS15ToS17WithThreeRepeatedIdsAndTitles() {
        for (String s : RUNS.keySet()) {
            boolean duplicated = List.of("s15", "s16", "s17").contains(s);
            RuleResult ids = results(s, "gx-id-unique").get(0);
            assertThat(ids.status()).as(s).isEqualTo(duplicated ? Status.FAIL : Status.PASS);
            if (duplicated) {
                assertThat(ids.message()).startsWith("3 of 999 (0.3%) rows of all repeat an earlier row exactly in id");
                assertThat(ids.evidence()).extracting(Evidence::id).containsExactlyInAnyOrder("954", "1068", "2164");
            }
        }
    }

    @Test
    void conflictingLabelsNameTheThreeProjectsWhoseSecondCopyAddsTimeSeries() {
        RuleResult s15 = results("s15", "conflicting-labels").get(0);
        assertThat(s15.status()).isEqualTo(Status.FAIL);
        assertThat(s15.observed()).isEqualTo(3.0);
        assertThat(s15.message()).startsWith("3 groups of rows (6 rows of 999) have the same title and description");
        // each group: its first row named by split, file and line (no id kept), then the copy that relabels it
        assertThat(s15.evidence()).extracting(Evidence::id).containsExactly(null, "954", null, "1068", null, "2164");
        assertThat(s15.evidence()).filteredOn(e -> e.id() == null)
                .allSatisfy(first -> assertThat(first.line()).isGreaterThan(1))
                .extracting(e -> e.values().get("split") + " " + e.source()).doesNotContainNull().hasSize(3);
        assertThat(s15.evidence()).anySatisfy(e -> assertThat(e.values().get("tags")).contains("time-series"));
        for (String s : List.of("s01", "s11", "s13", "s18", "s20", "s22", "s24", "s25")) {
            assertThat(results(s, "conflicting-labels").get(0).status()).as(s).isEqualTo(Status.PASS);
        }
    }

    @Test
    void theInvalidTagsJsonOfS12IsAnErrorNamingTheLine() {
        RuleResult oov = result("s12", "unseen-tags", "tags");
        assertThat(oov.status()).isEqualTo(Status.ERROR);
        assertThat(oov.message()).startsWith("the tag vocabulary could not be read, so tags cannot be checked: ")
                .contains("tags.json:28:");
    }

    @Test
    void outOfVocabularyRowsMatchTheIndependentCount() {
        // Python: rows with a tag outside that snapshot's tags.json after aliases
        Map<String, double[]> expected = Map.of("s01", new double[]{2031, 2032}, "s13", new double[]{0, 965},
                "s15", new double[]{34, 999}, "s16", new double[]{0, 999}, "s19", new double[]{56, 955},
                "s20", new double[]{87, 955});
        expected.forEach((s, counts) -> {
            RuleResult oov = results(s, "unseen-tags").get(0);
            assertThat(oov.observed()).as(s).isCloseTo(counts[0] / counts[1], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(oov.status()).as(s).isEqualTo(counts[0] == 0 ? Status.PASS : Status.WARN);
        });
        assertThat(results("s15", "unseen-tags").get(0).message()).contains("time-series (34)");
    }

    @Test
    void newTagsSinceThePreviousSnapshotAreFound() {
        assertThat(newTags("s11")).isEqualTo("1 tag is new since the reference snapshot: databricks (1); at most 0 allowed.");
        assertThat(newTags("s15")).isEqualTo("1 tag is new since the reference snapshot: time-series (34); at most 0 allowed.");
        assertThat(newTags("s25")).startsWith("1 tag is new since the reference snapshot: other (");
        assertThat(results("s14", "unseen-tags").stream().filter(r -> r.message().contains("new since")).findFirst().orElseThrow()
                .status()).isEqualTo(Status.PASS);
    }

    private static String newTags(String s) {
        return results(s, "unseen-tags").stream().map(RuleResult::message).filter(m -> m.contains("new since"))
                .findFirst().orElseThrow();
    }

    @Test
    void theRelabellingOfS25DriftsTheLabelOfBothSplits() {
        for (String split : List.of("train", "test")) {
            RuleResult tag = results("s25", "drift").stream().filter(r -> "tag".equals(r.column()) && split.equals(r.split()))
                    .findFirst().orElseThrow();
            assertThat(tag.status()).as(split).isEqualTo(Status.WARN);
        }
        // s24 opens the train/holdout era: nothing of that layout to compare with yet, said as skipped, not a pass
        assertThat(results("s24", "drift")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.SKIPPED);
            assertThat(r.message()).isEqualTo("there is no reference snapshot yet to compare with.");
        });
    }

    @Test
    void noHoldoutProjectIsInTheTrainingFileButOneIsANearDuplicate() {
        for (String s : List.of("s24", "s25")) {
            assertThat(results(s, "split-leakage").stream().filter(r -> !"near".equals(r.column())).map(RuleResult::status))
                    .as(s).containsOnly(Status.PASS);
            RuleResult near = result(s, "split-leakage", "near");
            assertThat(near.status()).as(s).isEqualTo(Status.FAIL);
            assertThat(near.message()).as(s).startsWith("1 of 191 (0.5%) rows of test also appear in train as near-duplicates");
        }
    }

    @Test
    void everyResultHasOneSentence() {
        RUNS.values().stream().flatMap(r -> r.results().stream()).forEach(r ->
                assertThat(r.message()).as(r.rule()).isNotBlank().doesNotContain("null").endsWith("."));
    }

    static String statuses(RunReport run) {
        return run.results().stream().collect(Collectors.groupingBy(RuleResult::status, Collectors.counting())).toString();
    }
}
