package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark runner against the local engine, result by result, on the shipped Pima snapshots (csv, and the same
 * rows written as Parquet in three part files) and on the Titanic split files, read by Spark in several partitions
 * (files are cut into blocks of 4 KB). The counts of the row rules are also recounted here from the csv lines.
 */
class SparkRunnerTest {
    private static final Path PIMA = Path.of("src/examples/pima/snapshots").toAbsolutePath();
    private static final Path TITANIC = Path.of("../shared/datasets/titanic").toAbsolutePath();
    private static final String PIMA_COLUMNS = """
            columns:
              label: Outcome
              numeric: [Pregnancies, Glucose, BloodPressure, SkinThickness, Insulin, BMI, DiabetesPedigreeFunction, Age]
              missing_tokens:
                "*": ["?", "N/A", "NA"]
                Glucose: ["0", "0.0"]
                BloodPressure: ["0"]
                SkinThickness: ["0"]
                Insulin: ["0"]
                BMI: ["0", "0.0"]
            """;
    private static final String PIMA_RULES = """
            rules:
              - {name: vitals-measured, kind: missing_values, severity: error, columns: [Glucose, BloodPressure, BMI], max_ratio: 0.05}
              - {name: lab-values-measured, kind: missing_values, severity: warn, columns: [SkinThickness, Insulin], max_ratio: 0.10}
              - {name: drift, kind: distribution_shift, severity: warn}
              - {name: outcome-balance, kind: class_balance, severity: warn, max_imbalance_ratio: 3}
              - {name: copies, kind: duplicate_rows, columns: [Pregnancies, Age, Outcome], max_ratio: 0.2}
              - {name: same-age-and-pregnancies, kind: conflicting_labels, inputs: [Pregnancies, Age]}
            """;

    private static SparkSession spark;

    @TempDir
    static Path work;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("driftwatch-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.default.parallelism", "3")
                .config("spark.sql.files.maxPartitionBytes", "4096")
                .config("spark.sql.files.openCostInBytes", "0")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void pimaCsvGivesTheLocalEnginesResults() throws IOException {
        RulesFile rules = rules("pima-csv", """
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                order: name
                """.formatted(PIMA) + PIMA_COLUMNS + PIMA_RULES);
        Path snapshot = PIMA.resolve("pima-03.csv");
        RunReport spark = sameAsLocal(rules, snapshot, PIMA.resolve("pima-02.csv"), 3);

        // recounted from the csv lines: rows whose Pregnancies, Age and Outcome repeat an earlier line's, and
        // groups of equal Pregnancies and Age with more than one Outcome
        List<String[]> lines = csvLines(snapshot);
        assertThat(result(spark, "copies").observed()).isCloseTo((double) repeats(lines, 0, 7, 8) / lines.size(), within(1e-12));
        assertThat(result(spark, "same-age-and-pregnancies").observed()).isEqualTo((double) conflictingGroups(lines));
        assertThat(result(spark, "copies").evidence()).hasSize(10);
        assertThat(result(spark, "same-age-and-pregnancies").evidence()).isNotEmpty();
    }

    @Test
    void pimaParquetGivesTheLocalEnginesResults() throws IOException {
        Path snapshots = work.resolve("pima-parquet");
        writeParquet(PIMA.resolve("pima-02.csv"), snapshots.resolve("s2"));
        writeParquet(PIMA.resolve("pima-03.csv"), snapshots.resolve("s3"));
        RulesFile rules = rules("pima-parquet", """
                source: %s
                layout: folder_per_snapshot
                files: "*.parquet"
                order: name
                """.formatted(snapshots) + PIMA_COLUMNS + PIMA_RULES);
        sameAsLocal(rules, snapshots.resolve("s3"), snapshots.resolve("s2"), 3);
    }

    @Test
    void titanicSplitFilesGiveTheLocalEnginesResults() throws IOException {
        RulesFile rules = rules("titanic", """
                source: %s
                layout: folder_per_snapshot
                files: "{train,test}.csv"
                splits:
                  by: file
                  files: {train: train.csv, test: test.csv}
                columns:
                  id: PassengerId
                  inputs: [Pclass, Sex, Age, SibSp, Parch, Embarked]
                  label: Survived
                  numeric: [Age, SibSp, Parch, Fare]
                  categorical: [Pclass, Sex, Embarked]
                rules:
                  - {name: ages-known, kind: missing_values, columns: [Age], max_ratio: 0.25}
                  - {name: conflicting-labels, kind: conflicting_labels}
                  - {name: copies, kind: duplicate_rows, columns: [Pclass, Sex, Age, SibSp, Parch]}
                  - {name: stratified, kind: split_stratification, severity: warn}
                """.formatted(TITANIC.getParent()));
        sameAsLocal(rules, TITANIC, null, 4);
    }

    @Test
    void sparkCheckWritesTheReportsAndExitsAsCheckDoes() throws IOException {
        RulesFile rules = rules("pima-submit", """
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                order: name
                """.formatted(PIMA) + PIMA_COLUMNS + PIMA_RULES);
        Path json = work.resolve("reports/run.json");
        Path junit = work.resolve("reports/run.xml");
        int exit = new picocli.CommandLine(new SparkCheck()).execute("--rules", rules.file().toString(),
                "--snapshot", PIMA.resolve("pima-03.csv").toString(), "--reference", PIMA.resolve("pima-02.csv").toString(),
                "--json", json.toString(), "--junit", junit.toString());

        // 1: the error-severity rule 'copies' fails (383 of 768 rows repeat, recounted in pimaCsvGivesTheLocalEnginesResults)
        assertThat(exit).isEqualTo(1);
        var evaluator = new SnapshotEvaluator(new Profiler(2), Clock.systemUTC());
        var discovery = new SnapshotDiscovery(Clock.systemUTC());
        Snapshot reference = discovery.snapshotAt(rules.dataset(), PIMA.resolve("pima-02.csv")).orElseThrow();
        RunReport local = evaluator.evaluate(rules.dataset(), rules.rules(),
                discovery.snapshotAt(rules.dataset(), PIMA.resolve("pima-03.csv")).orElseThrow(),
                Optional.of(new SnapshotEvaluator.Reference(reference.id(),
                        evaluator.profile(rules.dataset(), rules.rules(), reference))));
        var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("results");
        assertThat(written).hasSameSizeAs(local.results());
        for (int i = 0; i < local.results().size(); i++) {
            assertThat(written.get(i).get("rule").asText()).isEqualTo(local.results().get(i).rule());
            assertThat(written.get(i).get("status").asText()).isEqualTo(local.results().get(i).status().id());
        }
        assertThat(Files.readString(junit)).contains("<testsuite");
    }

    private static RunReport sameAsLocal(RulesFile rules, Path snapshot, Path reference, int minPartitions) {
        return SameAsLocal.run(spark, rules, snapshot, reference, minPartitions);
    }

    private static RulesFile rules(String name, String body) throws IOException {
        Path file = work.resolve(name + ".yaml");
        Files.writeString(file, "dataset: " + name + "\n" + body);
        return new RulesFileLoader().load(file);
    }

    /** The rows of a csv file as Spark reads them, with numbers typed, in three part files in row order. */
    private static void writeParquet(Path csv, Path folder) {
        Dataset<org.apache.spark.sql.Row> rows = spark.read().option("header", "true").csv(csv.toString())
                .withColumn("BMI", functions.col("BMI").cast("double"))
                .withColumn("Glucose", functions.col("Glucose").cast("int"))
                .withColumn("Age", functions.col("Age").cast("long"));
        rows.coalesce(3).write().parquet(folder.toString());
    }

    private static RuleResult result(RunReport run, String rule) {
        return run.results().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow();
    }

    private static List<String[]> csvLines(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }

    private static long repeats(List<String[]> rows, int... columns) {
        Set<String> seen = new HashSet<>();
        long repeated = 0;
        for (String[] row : rows) {
            StringBuilder key = new StringBuilder();
            for (int column : columns) {
                key.append(row[column]).append('\u0001');
            }
            if (!seen.add(key.toString())) {
                repeated++;
            }
        }
        return repeated;
    }

    private static long conflictingGroups(List<String[]> rows) {
        Map<String, Set<String>> outcomes = new HashMap<>();
        for (String[] row : rows) {
            outcomes.computeIfAbsent(row[0] + "," + row[7], k -> new HashSet<>()).add(row[8]);
        }
        return outcomes.values().stream().filter(labels -> labels.size() > 1).count();
    }
}
