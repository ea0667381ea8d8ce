package dev.driftwatch.spec.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.history.ProfileHistory;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.ColumnRequirement;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every anomaly strategy over the 25 real Made With ML snapshots in name order, each judged against the profiles of
 * the snapshots before it: the row count of the labelled table, and the share of its rows tagged
 * {@code natural-language-processing} (s21 has projects without tags: no share). One rules file per era of the
 * data's schema (src/test/resources/anomaly/madewithml), the same rules in each.
 *
 * <p>Expected flags from {@code src/test/resources/anomaly/madewithml_flags.py} (json/csv readers, numpy, scipy;
 * independent of the Java code), whose output was:
 * <pre>
 * (run from src/test/resources/anomaly with the snapshots folder as argument)
 * rows   [2032, 2032, 2032, 2032, 2032, 2032, 2032, 2029, 2029, 2029, 2029, 965, 965, 965, 999, 999, 999, 955, 955, 955, 955, 955, 955, 955, 955]
 * share  [0.2111, 0.2111, 0.2087, 0.2087, 0.2087, 0.2087, 0.2087, 0.2085, 0.2085, 0.2085, 0.2085, 0.4383, 0.4383, 0.4383, 0.4254, 0.4254, 0.4254, 0.4063, 0.4063, 0.4063, None, 0.4063, 0.4063, 0.4063, 0.4063]
 * row_count absolute_change judged 24 flagged s12
 * row_count relative_change judged 24 flagged s12
 * row_count z_score         judged 20 flagged s12
 * row_count mad             judged 20 flagged s08 s09 s10 s11 s12 s13 s14 s15 s16 s17 s18 s19 s20 s21 s22
 * row_count seasonal        judged 20 flagged s08 s12
 * tag_share absolute_change judged 23 flagged s12
 * tag_share relative_change judged 23 flagged s12
 * tag_share z_score         judged 19 flagged s12
 * tag_share mad             judged 19 flagged s08 s09 s10 s12 s13 s14 s15 s16 s17 s18 s19 s20 s22 s23
 * tag_share seasonal        judged 19 flagged s12
 * </pre>
 */
class MadeWithMlAnomalyTest {
    private static final Path SNAPSHOTS = SharedDatasets.resolve("madewithml/snapshots");
    /** Rule → snapshot (s01 … s25) → status. */
    private static final Map<String, Map<String, Status>> STATUS = new LinkedHashMap<>();

    private static String era(int n) {
        return n <= 17 ? "json-tags" : n <= 20 ? "json-tag" : n == 21 ? "csv-projects" : n <= 23 ? "csv-labeled" : "csv-split";
    }

    @BeforeAll
    static void judgeEverySnapshotAgainstTheOnesBefore() throws IOException {
        var loader = new RulesFileLoader();
        var discovery = new SnapshotDiscovery(Clock.systemUTC());
        var evaluator = new SnapshotEvaluator(new Profiler(), Clock.systemUTC());
        List<Path> folders;
        try (Stream<Path> list = Files.list(SNAPSHOTS)) {
            folders = list.sorted().toList();
        }
        assertThat(folders).hasSize(25);
        List<ProfileHistory.Entry> earlier = new ArrayList<>();
        for (Path folder : folders) {
            String id = folder.getFileName().toString().substring(0, 3);
            RulesFile rules = loader.load(Path.of("src/test/resources/anomaly/madewithml/"
                    + era(Integer.parseInt(id.substring(1))) + ".yaml"));
            var snapshot = discovery.snapshotAt(rules.dataset(), folder).orElseThrow();
            var run = evaluator.evaluate(rules.dataset(), rules.rules(), snapshot, Optional.empty(), ColumnRequirement.NONE,
                    new ProfileHistory(earlier));
            for (RuleResult result : run.results()) {
                STATUS.computeIfAbsent(result.rule(), rule -> new LinkedHashMap<>()).put(id, result.status());
            }
            earlier.add(new ProfileHistory.Entry(id, Instant.EPOCH.plusSeconds(earlier.size()), run.profile()));
        }
    }

    private static List<String> flagged(String rule) {
        return STATUS.get(rule).entrySet().stream().filter(e -> e.getValue() == Status.WARN).map(Map.Entry::getKey).toList();
    }

    private static long judged(String rule) {
        return STATUS.get(rule).values().stream().filter(s -> s == Status.WARN || s == Status.PASS).count();
    }

    @Test
    void pairwiseChangesFlagOnlyTheCutOfS12() {
        for (String rule : List.of("rows-absolute", "rows-relative", "nlp-absolute", "nlp-relative")) {
            assertThat(flagged(rule)).as(rule).containsExactly("s12");
        }
        assertThat(judged("rows-absolute")).isEqualTo(24);
        assertThat(judged("rows-relative")).isEqualTo(24);
        assertThat(judged("nlp-absolute")).isEqualTo(23);
        assertThat(judged("nlp-relative")).isEqualTo(23);
    }

    @Test
    void zScoreFlagsS12OnlyOnceTenEarlierValuesAreThere() {
        assertThat(flagged("rows-z")).containsExactly("s12");
        assertThat(flagged("nlp-z")).containsExactly("s12");
        assertThat(judged("rows-z")).isEqualTo(20);
        assertThat(judged("nlp-z")).isEqualTo(19);
    }

    @Test
    void madFlagsEveryChangeWhileTheHistoryIsFlatAndTheOldLevelWhileTheMedianLagsBehind() {
        assertThat(flagged("rows-mad")).containsExactly("s08", "s09", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
                "s17", "s18", "s19", "s20", "s21", "s22");
        assertThat(flagged("nlp-mad")).containsExactly("s08", "s09", "s10", "s12", "s13", "s14", "s15", "s16", "s17",
                "s18", "s19", "s20", "s22", "s23");
        assertThat(judged("rows-mad")).isEqualTo(20);
        assertThat(judged("nlp-mad")).isEqualTo(19);
    }

    @Test
    void seasonalFlagsS12AndTheFirstStepOffAFlatRowCount() {
        assertThat(flagged("rows-seasonal")).containsExactly("s08", "s12");
        assertThat(flagged("nlp-seasonal")).containsExactly("s12");
        assertThat(judged("rows-seasonal")).isEqualTo(20);
        assertThat(judged("nlp-seasonal")).isEqualTo(19);
    }

    @Test
    void theSnapshotWithoutTagsHasNoShareAndEntersNoShareHistory() {
        assertThat(STATUS.get("nlp-z")).doesNotContainKey("s21");
        assertThat(STATUS.get("rows-z").get("s21")).isEqualTo(Status.PASS);
        assertThat(STATUS.get("nlp-z").get("s22")).as("s22 judged against 19 earlier shares, s21 left out")
                .isEqualTo(Status.PASS);
    }
}
