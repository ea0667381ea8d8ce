package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code split_leakage} on Spark against the local engine, result by result (status, observed value to 1e-9,
 * message, evidence), in every mode: on the shipped Made With ML train and holdout files (csv, and the same rows
 * written as Parquet in three part files per split), on the Titanic split files, and on generated splits with
 * injected leaks whose counts are recounted here with plain Java. Files are cut into blocks of 4 KB, so every
 * snapshot is read in several partitions.
 */
class SplitLeakageOnSparkTest {
    private static final Path MADE_WITH_ML = Path.of("src/examples/madewithml-split/snapshots/s25_2023-08-19_Made-With-ML_030573f")
            .toAbsolutePath();
    private static final Path TITANIC = Path.of("../shared/datasets/titanic").toAbsolutePath();
    private static final String EVERY_MODE = """
            rules:
              - {name: by-id, kind: split_leakage, modes: [id]}
              - {name: exact, kind: split_leakage, modes: [exact], max_evidence: 4}
              - {name: normalised, kind: split_leakage, modes: [normalised]}
              - {name: near, kind: split_leakage, modes: [near]}
              - {name: near-half, kind: split_leakage, modes: [near], jaccard: 0.5, max_evidence: 20}
              - {name: all-modes, kind: split_leakage, severity: warn, max_ratio: 0.02}
            """;

    private static SparkSession spark;

    @TempDir
    static Path work;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.smallBlocks("driftwatch-test").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void madeWithMlCsvLeaksAsTheLocalEngineFindsThemInEveryMode() throws IOException {
        // the shipped files as they are: 33 descriptions hold a line break inside their quotes, so Spark reads each
        // file whole (one partition per file) and numbers lines by the breaks of the records before
        Path snapshot = MADE_WITH_ML;
        RulesFile rules = rules("mwml-csv", """
                source: %s
                layout: folder_per_snapshot
                files: "*.csv"
                splits:
                  by: file
                  files: {train: dataset.csv, test: holdout.csv}
                columns:
                  id: id
                  inputs: [title, description]
                  label: tag
                """.formatted(snapshot.getParent()) + EVERY_MODE);
        RunReport run = SameAsLocal.run(spark, rules, snapshot, null, 2);

        // 764 and 191 records, as Python's csv module counts them: no record was cut at a line break
        assertThat(run.profile().rowsPerSplit()).containsEntry("train", 764L).containsEntry("test", 191L);
        // all-modes: one result per mode for the one pair (train, test); the figures are the local engine's, which
        // SameAsLocal compared: no holdout row shares an id or its inputs with a training row, one is a near-duplicate
        assertThat(leakResults(run)).hasSize(4);
        assertThat(leakResult(run, "exact", "exact", "test").observed()).isZero();
        assertThat(leakResult(run, "near", "near", "test").observed()).isCloseTo(1 / 191.0, within(1e-12));
        assertThat(leakResult(run, "near", "near", "test").evidence()).hasSize(1);
    }

    @Test
    void madeWithMlParquetLeaksAsTheLocalEngineFindsThemInEveryMode() throws IOException {
        Path snapshot = work.resolve("mwml-parquet/s25");
        writeParquet(MADE_WITH_ML.resolve("dataset.csv"), snapshot.resolve("train"));
        writeParquet(MADE_WITH_ML.resolve("holdout.csv"), snapshot.resolve("test"));
        RulesFile rules = rules("mwml-parquet", """
                source: %s
                layout: folder_per_snapshot
                files: "*/*.parquet"
                splits:
                  by: file
                  files: {train: "train/*.parquet", test: "test/*.parquet"}
                columns:
                  id: id
                  inputs: [title, description]
                  label: tag
                """.formatted(snapshot.getParent()) + EVERY_MODE);
        SameAsLocal.run(spark, rules, snapshot, null, 6);
    }

    @Test
    void titanicSplitFilesLeakAsTheLocalEngineFindsThemInEveryMode() throws IOException {
        RulesFile rules = rules("titanic-leaks", """
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
                rules:
                  - {name: same-passengers, kind: split_leakage}
                  - {name: same-names, kind: split_leakage, inputs: [Name], modes: [exact, normalised, near], jaccard: 0.6}
                """.formatted(TITANIC.getParent()));
        RunReport run = SameAsLocal.run(spark, rules, TITANIC, null, 4);

        // the local engine's figures, which SameAsLocal compared: 201 of the 418 test passengers share class, sex,
        // age, family and port with a training passenger; 294 are near-duplicates of one; the ids never overlap
        assertThat(leakResult(run, "same-passengers", "exact", "test").observed()).isCloseTo(201 / 418.0, within(1e-12));
        assertThat(leakResult(run, "same-passengers", "near", "test").observed()).isCloseTo(294 / 418.0, within(1e-12));
        assertThat(leakResult(run, "same-passengers", "id", "test").observed()).isZero();
    }

    @Test
    void injectedLeaksAreCountedInEveryPairOfSplits() throws IOException {
        Path snapshot = work.resolve("injected/s1");
        List<String[]> rows = injectedRows();
        Files.createDirectories(snapshot);
        List<String> lines = new ArrayList<>(List.of("id,title,description,split"));
        rows.forEach(row -> lines.add(String.join(",", row)));
        Files.write(snapshot.resolve("rows.csv"), lines);
        RulesFile rules = rules("injected", """
                source: %s
                layout: folder_per_snapshot
                files: "*.csv"
                splits: {by: column, column: split}
                columns:
                  id: id
                  inputs: [title, description]
                rules:
                  - {name: leaks, kind: split_leakage, max_evidence: 7}
                """.formatted(snapshot.getParent()));
        RunReport run = SameAsLocal.run(spark, rules, snapshot, null, 5);

        for (String[] pair : new String[][]{{"train", "val"}, {"train", "test"}, {"val", "test"}}) {
            List<String[]> earlier = rows.stream().filter(r -> r[3].equals(pair[0])).toList();
            List<String[]> later = rows.stream().filter(r -> r[3].equals(pair[1])).toList();
            for (String mode : List.of("id", "exact", "normalised", "near")) {
                // recounted here: the later split's rows that some earlier row matches in this mode (plain Java)
                long expected = later.stream().filter(row -> earlier.stream().anyMatch(e -> matches(mode, e, row))).count();
                RuleResult result = leakResult(run, "leaks", mode, pair[1], pair[0]);
                assertThat(result.observed()).as(mode + " " + pair[0] + " -> " + pair[1])
                        .isCloseTo((double) expected / later.size(), within(1e-12));
                assertThat(result.evidence()).hasSize((int) Math.min(7, expected));
            }
        }
        // injected below: test rows 0-3 of every 20 copy a train row (kind = row % 10), so 30 of the 200 copy its
        // inputs (kinds 1-3) and 10 its id; more match through val rows that copied train rows
        assertThat(leakResult(run, "leaks", "near", "test", "train").observed()).isGreaterThanOrEqualTo(30 / 200.0);
        assertThat(leakResult(run, "leaks", "id", "test", "train").observed()).isGreaterThanOrEqualTo(10 / 200.0);
    }

    @Test
    void rowsCopiedIntoAnotherSplitAreDuplicatesInTheProfileOnSparkAsLocally() throws IOException {
        Path snapshot = work.resolve("copies/s1");
        Files.createDirectories(snapshot);
        Random random = new Random(11);
        List<String> lines = new ArrayList<>(List.of("a,b,split"));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            String row = random.nextInt(10) + "," + (char) ('p' + random.nextInt(5));
            distinct.add(row);
            lines.add(row + "," + List.of("train", "val", "test").get(i % 3));
        }
        Files.write(snapshot.resolve("rows.csv"), lines);
        RulesFile rules = rules("copies", """
                source: %s
                layout: folder_per_snapshot
                files: "*.csv"
                splits: {by: column, column: split}
                rules:
                  - {name: present, kind: missing_values, columns: [a, b], max_ratio: 0.5}
                """.formatted(snapshot.getParent()));
        RunReport run = SameAsLocal.run(spark, rules, snapshot, null, 3);

        // recounted here: rows whose (a, b) an earlier row has, whatever its split
        assertThat(run.profile().duplicates().duplicateRows()).isEqualTo(400L - distinct.size());
    }

    /** 500 train rows; 150 val and 200 test rows, some copied from an earlier split by id, exactly, normalised, or nearly. */
    private static List<String[]> injectedRows() {
        Random random = new Random(7);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder word = new StringBuilder();
            for (int c = 4 + random.nextInt(6); c > 0; c--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        List<String[]> train = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            train.add(new String[]{"t" + i, text(words, random, 3), text(words, random, 14), "train"});
        }
        List<String[]> val = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            val.add(i % 5 == 0 ? leaked(train.get(random.nextInt(train.size())), "v" + i, i / 5 % 4, words, random, "val")
                    : new String[]{"v" + i, text(words, random, 3), text(words, random, 14), "val"});
        }
        List<String[]> test = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<String[]> earlier = i % 20 < 10 ? train : val;
            test.add(i % 10 < 4 ? leaked(earlier.get(random.nextInt(earlier.size())), "q" + i, i % 10, words, random, "test")
                    : new String[]{"q" + i, text(words, random, 3), text(words, random, 14), "test"});
        }
        List<String[]> all = new ArrayList<>(train);
        all.addAll(val);
        all.addAll(test);
        Collections.shuffle(all, random);
        return all;
    }

    /** A copy of a row: 0 its id only, 1 its inputs exactly, 2 its inputs in capitals with doubled spaces, 3 its last word dropped
     * (a Jaccard similarity of about 0.93, where the LSH bands find a pair with probability above 0.99999). */
    private static String[] leaked(String[] of, String id, int kind, List<String> words, Random random, String split) {
        return switch (kind) {
            case 0 -> new String[]{of[0], text(words, random, 3), text(words, random, 14), split};
            case 1 -> new String[]{id, of[1], of[2], split};
            case 2 -> new String[]{id, of[1].toUpperCase(Locale.ROOT), of[2].replace(" ", "  "), split};
            default -> new String[]{id, of[1], of[2].substring(0, of[2].lastIndexOf(' ')), split};
        };
    }

    private static String text(List<String> words, Random random, int count) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(words.get(random.nextInt(words.size())));
        }
        return String.join(" ", chosen);
    }

    private static boolean matches(String mode, String[] earlier, String[] later) {
        return switch (mode) {
            case "id" -> earlier[0].equals(later[0]);
            case "exact" -> earlier[1].equals(later[1]) && earlier[2].equals(later[2]);
            case "normalised" -> normalised(earlier[1]).equals(normalised(later[1]))
                    && normalised(earlier[2]).equals(normalised(later[2]));
            default -> jaccard(shingles(normalised(earlier[1]) + " " + normalised(earlier[2])),
                    shingles(normalised(later[1]) + " " + normalised(later[2]))) >= 0.8;
        };
    }

    /** Lower case, single spaces (the generated texts hold letters and spaces only). */
    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static Set<String> shingles(String text) {
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + 5 <= text.length(); i++) {
            shingles.add(text.substring(i, i + 5));
        }
        return shingles;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    private static List<RuleResult> leakResults(RunReport run) {
        return run.results().stream().filter(r -> r.rule().equals("all-modes")).toList();
    }

    private static RuleResult leakResult(RunReport run, String rule, String mode, String later) {
        return run.results().stream().filter(r -> r.rule().equals(rule) && mode.equals(r.column())
                && later.equals(r.split())).findFirst().orElseThrow();
    }

    private static RuleResult leakResult(RunReport run, String rule, String mode, String later, String earlier) {
        return run.results().stream().filter(r -> r.rule().equals(rule) && mode.equals(r.column())
                && later.equals(r.split()) && r.message().contains(" also appear in " + earlier + " ")).findFirst().orElseThrow();
    }

    private static RulesFile rules(String name, String body) throws IOException {
        Path file = work.resolve(name + ".yaml");
        Files.writeString(file, "dataset: " + name + "\n" + body);
        return new RulesFileLoader().load(file);
    }

    /** The rows of a csv file as Spark reads them, the id typed, in three part files in row order. */
    private static void writeParquet(Path csv, Path folder) {
        Dataset<org.apache.spark.sql.Row> rows = spark.read().option("header", "true").option("multiLine", "true")
                .option("escape", "\"").csv(csv.toString())
                .withColumn("id", functions.col("id").cast("long"));
        rows.coalesce(3).write().parquet(folder.toString());
    }
}
