package dev.driftwatch.spec.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real UCI Adult files through src/test/resources/adult-real/adult.yaml: adult.data (train) and
 * adult-test.csv (test) have no header row and a space after every comma, so the rules file declares
 * {@code header:} and {@code trim_values: true}. Every expected figure is counted here from the same files
 * with plain Java ({@link AdultFile}); the counts are first checked against the table of
 * ../shared/datasets/uci-adult/PROVENANCE.md, which was computed independently.
 */
class AdultRealTest {
    private static AdultFile train;
    private static AdultFile test;
    private static RunReport run;

    @BeforeAll
    static void evaluate() throws IOException {
        Path folder = SharedDatasets.resolve("uci-adult");
        train = AdultFile.read(folder.resolve("adult.data"));
        test = AdultFile.read(folder.resolve("adult-test.csv"));
        run = RealRun.evaluate("src/test/resources/adult-real/adult.yaml", folder);
    }

    private static List<RuleResult> results(String rule) {
        return run.results().stream().filter(r -> r.rule().equals(rule)).toList();
    }

    private static RuleResult result(String rule, String column, String split) {
        return results(rule).stream()
                .filter(r -> column == null || column.equals(r.column()))
                .filter(r -> split == null || split.equals(r.split()))
                .findFirst().orElseThrow();
    }

    private static SplitProfile split(String name) {
        return run.profile().split(name).orElseThrow();
    }

    @Test
    void theIndependentCountsAgreeWithProvenance() {
        assertThat(train.rows()).hasSize(32_561);
        assertThat(test.rows()).hasSize(16_281);
        assertThat(train.countOf("?")).containsEntry("workclass", 1836L).containsEntry("occupation", 1843L)
                .containsEntry("native-country", 583L);
        assertThat(test.countOf("?")).containsEntry("workclass", 963L).containsEntry("occupation", 966L)
                .containsEntry("native-country", 274L);
        assertThat(train.values("income")).isEqualTo(Map.of("<=50K", 24_720L, ">50K", 7841L));
        assertThat(test.values("income")).isEqualTo(Map.of("<=50K.", 12_435L, ">50K.", 3846L));
        assertThat(train.extraCopies()).isEqualTo(24);
        assertThat(test.extraCopies()).isEqualTo(5);
    }

    @Test
    void everyLineIsARowSinceTheHeaderIsDeclared() {
        assertThat(run.profile().reads().rowsRejected()).isZero();
        assertThat(split("train").rows()).isEqualTo(train.rows().size());
        assertThat(split("test").rows()).isEqualTo(test.rows().size());
        assertThat(split("train").columns().keySet()).containsExactlyElementsOf(AdultFile.COLUMNS);
    }

    @Test
    void questionMarksAreCountedAsMissingPerColumnAndSplit() {
        for (var files : Map.of("train", train, "test", test).entrySet()) {
            SplitProfile profile = split(files.getKey());
            files.getValue().countOf("?").forEach((column, unknown) -> {
                ColumnProfile c = profile.column(column).orElseThrow();
                assertThat(c.missing()).as(files.getKey() + " " + column).isEqualTo(unknown);
                RuleResult result = result("unknowns", column, files.getKey());
                double share = (double) unknown / files.getValue().rows().size();
                assertThat(result.observed()).as(column).isEqualTo(share);
                assertThat(result.status()).as(column).isEqualTo(share > 0.05 ? Status.FAIL : Status.PASS);
            });
        }
        assertThat(result("unknowns", "workclass", "train").message())
                .isEqualTo("workclass: 1,836 of 32,561 (5.6%) values missing in train (1,836 '?'); at most 5.0% allowed.");
    }

    @Test
    void valuesAreTrimmedSoCategoriesAndLabelsReadAsWritten() {
        Map<String, Long> counted = train.values("workclass");
        List<ValueCount> profiled = split("train").column("workclass").orElseThrow().categorical().values();
        assertThat(profiled).extracting(ValueCount::value).doesNotContain("?")
                .allSatisfy(value -> assertThat(value).doesNotStartWith(" "));
        profiled.forEach(v -> assertThat(v.count()).as(v.value()).isEqualTo(counted.get(v.value())));
        assertThat(split("train").labels().orElseThrow().counts()).isEqualTo(train.values("income"));
        assertThat(split("test").labels().orElseThrow().counts()).isEqualTo(test.values("income"));
    }

    @Test
    void duplicateRowsAreTheExtraCopiesAndNameTheLineTheyRepeat() {
        for (var files : Map.of("train", train, "test", test).entrySet()) {
            RuleResult result = result("duplicate-rows", null, files.getKey());
            AdultFile file = files.getValue();
            assertThat(result.observed()).isEqualTo((double) file.extraCopies() / file.rows().size());
            assertThat(result.status()).isEqualTo(Status.WARN);
            assertThat(result.evidence()).isNotEmpty().allSatisfy(e -> {
                int copy = (int) e.line();
                int original = Integer.parseInt(e.values().get("duplicate_of_line"));
                assertThat(original).isLessThan(copy);
                assertThat(file.lines().get(copy - 1)).isEqualTo(file.lines().get(original - 1));
            });
        }
    }

    @Test
    void conflictingLabelsFindTheGroupInEachSplitAndTheTrainTestPairsThatDifferByAFullStop() {
        Map<List<String>, Set<String>> labels = new HashMap<>();
        Map<List<String>, Set<String>> splits = new HashMap<>();
        Map<List<String>, Integer> members = new HashMap<>();
        for (var files : Map.of("train", train, "test", test).entrySet()) {
            for (AdultFile.Record row : files.getValue().rows()) {
                labels.computeIfAbsent(row.features(), k -> new HashSet<>()).add(row.label());
                splits.computeIfAbsent(row.features(), k -> new HashSet<>()).add(files.getKey());
                members.merge(row.features(), 1, Integer::sum);
            }
        }
        Set<List<String>> conflicting = labels.keySet().stream().filter(k -> labels.get(k).size() > 1)
                .collect(Collectors.toSet());
        int rows = conflicting.stream().mapToInt(members::get).sum();
        assertThat(conflicting).hasSize(28);

        RuleResult result = result("conflicting-labels", null, null);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(conflicting.size());
        assertThat(result.message()).startsWith(conflicting.size() + " groups of rows (" + rows + " rows of 48,842) have the same age");

        Map<String, List<Evidence>> groups = result.evidence().stream()
                .collect(Collectors.groupingBy(e -> e.values().get("group"), LinkedHashMap::new, Collectors.toList()));
        Map<List<String>, Set<String>> reported = new HashMap<>();
        // the first row of a group is named by split, file and line only; the second has the values
        groups.values().forEach(group -> reported.put(features(group.get(1)),
                group.stream().map(e -> e.values().get("split")).collect(Collectors.toSet())));
        assertThat(reported.keySet()).isEqualTo(conflicting);
        assertThat(reported).isEqualTo(conflicting.stream().collect(Collectors.toMap(k -> k, splits::get)));
        assertThat(reported.values()).filteredOn(s -> s.equals(Set.of("train"))).hasSize(1);
        assertThat(reported.values()).filteredOn(s -> s.equals(Set.of("test"))).hasSize(1);
        long stillConflictingWithoutTheFullStop = conflicting.stream()
                .filter(k -> labels.get(k).stream().map(l -> l.replaceFirst("\\.$", "")).distinct().count() > 1).count();
        assertThat(stillConflictingWithoutTheFullStop).isEqualTo(5);
    }

    private static List<String> features(Evidence e) {
        return AdultFile.COLUMNS.subList(0, AdultFile.LABEL).stream().map(c -> e.values().get(c)).toList();
    }

    @Test
    void theTestLabelsWithAFullStopAreOutsideTheVocabularyAndUnseenInTrain() {
        Map<String, Long> testLabels = test.values("income");
        long labelled = train.rows().size() + test.rows().size();

        RuleResult vocabulary = result("label-vocabulary", "income", null);
        assertThat(vocabulary.status()).isEqualTo(Status.FAIL);
        assertThat(vocabulary.observed()).isEqualTo((double) test.rows().size() / labelled);
        assertThat(vocabulary.evidence()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.source()).isEqualTo("adult-test.csv"))
                .allSatisfy(e -> assertThat(test.lines().get((int) e.line() - 1))
                        .endsWith(" " + e.values().get("outside_vocabulary")));

        RuleResult unseen = result("labels-unseen-in-train", "income", null);
        assertThat(unseen.status()).isEqualTo(Status.FAIL);
        assertThat(unseen.observed()).isEqualTo(2.0);
        Map<String, Long> reported = new HashMap<>();
        unseen.evidence().forEach(e -> reported.put(e.values().get("tag"), Long.parseLong(e.values().get("rows"))));
        assertThat(reported).isEqualTo(testLabels);
        assertThat(unseen.message()).startsWith("2 tags are new since split train: <=50K. (12,435), >50K. (3,846)");
    }

    @Test
    void newCategoriesAreTheFullStopLabelsInTestAndHolandNetherlandsOnlyInTrain() {
        List<String> compared = List.of("workclass", "education", "marital-status", "occupation", "relationship", "race",
                "sex", "native-country", "income");
        assertThat(results("new-categories")).hasSize(2 * compared.size())
                .allSatisfy(r -> assertThat(r.split()).isEqualTo("test"));
        for (String column : compared) {
            Map<String, Long> inTrain = present(train, column);
            Map<String, Long> inTest = present(test, column);
            RuleResult fresh = check("new-categories", column, "new");
            RuleResult gone = check("new-categories", column, "disappeared");
            assertThat(reported(fresh)).as(column).isEqualTo(lacking(inTest, inTrain));
            assertThat(reported(gone)).as(column).isEqualTo(lacking(inTrain, inTest));
            assertThat(fresh.observed()).as(column).isEqualTo(
                    (double) lacking(inTest, inTrain).values().stream().mapToLong(Long::longValue).sum() / test.rows().size());
            assertThat(gone.observed()).as(column).isEqualTo(
                    (double) lacking(inTrain, inTest).values().stream().mapToLong(Long::longValue).sum() / train.rows().size());
        }

        long holland = train.values("native-country").get("Holand-Netherlands");
        assertThat(holland).isEqualTo(1);
        assertThat(test.values("native-country")).doesNotContainKey("Holand-Netherlands");
        RuleResult country = check("new-categories", "native-country", "disappeared");
        assertThat(country.status()).isEqualTo(Status.FAIL);
        assertThat(reported(country)).isEqualTo(Map.of("Holand-Netherlands", holland));
        assertThat(country.message()).isEqualTo("native-country in test: 1 value of split train is gone, held by 1 of 32,561"
                + " (0.0%) rows: Holand-Netherlands (1); at most 0.0% allowed.");
        assertThat(check("new-categories", "native-country", "new").status()).isEqualTo(Status.PASS);

        RuleResult labels = check("new-categories", "income", "new");
        assertThat(labels.status()).isEqualTo(Status.FAIL);
        assertThat(labels.observed()).isEqualTo(1.0);
        assertThat(reported(labels)).isEqualTo(test.values("income")).containsOnlyKeys("<=50K.", ">50K.");
        assertThat(labels.message()).isEqualTo("income in test: 2 values are new since split train, held by 16,281 of 16,281"
                + " (100.0%) rows: <=50K. (12,435), >50K. (3,846); at most 0.0% allowed.");
        assertThat(reported(check("new-categories", "income", "disappeared"))).isEqualTo(train.values("income"));
        assertThat(results("new-categories")).filteredOn(r -> r.status() != Status.PASS)
                .extracting(r -> r.column() + " " + r.check())
                .containsExactlyInAnyOrder("native-country disappeared", "income new", "income disappeared");
    }

    private static RuleResult check(String rule, String column, String check) {
        return results(rule).stream().filter(r -> column.equals(r.column()) && check.equals(r.check()))
                .findFirst().orElseThrow();
    }

    /** A column's value counts, '?' (declared missing) left out. */
    private static Map<String, Long> present(AdultFile file, String column) {
        Map<String, Long> values = new HashMap<>(file.values(column));
        values.remove("?");
        return values;
    }

    private static Map<String, Long> lacking(Map<String, Long> side, Map<String, Long> other) {
        return side.entrySet().stream().filter(e -> !other.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, Long> reported(RuleResult result) {
        return result.evidence().stream().collect(Collectors.toMap(e -> e.values().get("value"),
                e -> Long.parseLong(e.values().get("rows"))));
    }

    @Test
    void theLabelDistributionsOfTrainAndTestShareNoClass() {
        Map<String, Long> trainLabels = train.values("income");
        Map<String, Long> testLabels = test.values("income");
        Set<String> classes = new HashSet<>(trainLabels.keySet());
        classes.addAll(testLabels.keySet());
        double largest = 0;
        for (String c : classes) {
            double a = (double) trainLabels.getOrDefault(c, 0L) / train.rows().size();
            double b = (double) testLabels.getOrDefault(c, 0L) / test.rows().size();
            largest = Math.max(largest, Math.abs(a - b));
        }
        RuleResult stratified = result("stratified", "income", "test");
        assertThat(stratified.status()).isEqualTo(Status.FAIL);
        assertThat(stratified.observed()).isCloseTo(largest, org.assertj.core.data.Offset.offset(1e-12));
        // Disjoint supports: the Jensen–Shannon distance (base 2) is at its maximum, 1.
        RuleResult drift = result("drift", "income", "test");
        assertThat(drift.status()).isEqualTo(Status.WARN);
        assertThat(drift.observed()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        List<RuleResult> features = new ArrayList<>(results("drift"));
        features.remove(drift);
        assertThat(features).extracting(RuleResult::status).containsOnly(Status.PASS);
    }
}
