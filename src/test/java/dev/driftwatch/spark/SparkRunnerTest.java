package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * rows written as Parquet in three part files), on the Titanic split files and on Made With ML's projects (JSON, and
 * Parquet in three part files), read by Spark in several partitions (files are cut into blocks of 4 KB). The figures
 * of the row rules that fail are also recounted here from the files.
 */
class SparkRunnerTest {
    private static final Path PIMA = Path.of("src/examples/pima/snapshots").toAbsolutePath();
    private static final Path TITANIC = Path.of("../shared/datasets/titanic").toAbsolutePath();
    private static final Path MADE_WITH_ML = Path.of("src/examples/madewithml/snapshots").toAbsolutePath();
    private static final String MWML_S15 = "s15_2022-05-02_Made-With-ML_578e612";
    private static final String MWML_S16 = "s16_2022-05-03_Made-With-ML_5c59a97";
    /** Both engines judge at this instant, so freshness measures the same age. */
    private static final Instant NOW = Instant.parse("2022-05-03T00:00:00Z");
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
              - {name: bmi-plausible, kind: value_range, columns: [BMI], min: 15, max: 50, max_evidence: 5}
              - {name: numbers-typed, kind: type_consistency, severity: warn}
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
    void pimaCsvGivesTheLocalEnginesResults() throws IOException {
        RulesFile rules = pimaRules("pima-csv");
        Path snapshot = PIMA.resolve("pima-03.csv");
        RunReport spark = sameAsLocal(rules, snapshot, PIMA.resolve("pima-02.csv"), 3);

        // recounted from the csv lines: rows whose Pregnancies, Age and Outcome repeat an earlier line's, and
        // groups of equal Pregnancies and Age with more than one Outcome
        List<String[]> lines = csvLines(snapshot);
        assertThat(result(spark, "copies").observed()).isCloseTo((double) repeats(lines, 0, 7, 8) / lines.size(), within(1e-12));
        assertThat(result(spark, "same-age-and-pregnancies").observed()).isEqualTo((double) conflictingGroups(lines));
        assertThat(result(spark, "copies").evidence()).hasSize(10);
        assertThat(result(spark, "same-age-and-pregnancies").evidence()).isNotEmpty();
        // recounted from the csv lines: BMI values that are numbers and not missing tokens ("0", "0.0", "?", "N/A",
        // "NA"), and those outside [15, 50]
        assertThat(result(spark, "bmi-plausible").status()).isEqualTo(Status.FAIL);
        assertThat(result(spark, "bmi-plausible").observed())
                .isCloseTo((double) outsideRange(lines, 5, 15, 50) / measured(lines, 5), within(1e-12));
        assertThat(result(spark, "bmi-plausible").evidence()).hasSize(5);
        assertThat(result(spark, "numbers-typed").status()).isEqualTo(Status.PASS);
    }

    @Test
    void rulesRidingTheProfilesPassGiveTheLocalEnginesResultsWithoutACacheOfTheRows() throws IOException {
        // no rule reads every row again after the profile's pass, so nothing is cached: duplicate_rows' evidence is
        // read again from the partitions that hold it
        RulesFile rules = rules("pima-riding", """
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                order: name
                """.formatted(PIMA) + PIMA_COLUMNS + """
                rules:
                  - {name: vitals-measured, kind: missing_values, severity: error, columns: [Glucose, BloodPressure, BMI], max_ratio: 0.05}
                  - {name: copies, kind: duplicate_rows, columns: [Pregnancies, Age, Outcome], max_ratio: 0.2, max_evidence: 25}
                  - {name: bmi-plausible, kind: value_range, columns: [BMI], min: 15, max: 50, max_evidence: 5}
                """);
        Path snapshot = PIMA.resolve("pima-03.csv");
        RunReport spark = sameAsLocal(rules, snapshot, null, 3);

        // recounted from the csv lines, as above; the 25 copies shown are the first 25 repeated lines
        List<String[]> lines = csvLines(snapshot);
        assertThat(result(spark, "copies").observed()).isCloseTo((double) repeats(lines, 0, 7, 8) / lines.size(), within(1e-12));
        assertThat(result(spark, "copies").evidence()).extracting(Evidence::line)
                .containsExactlyElementsOf(repeatedLines(lines, 25, 0, 7, 8));
        assertThat(result(spark, "bmi-plausible").observed())
                .isCloseTo((double) outsideRange(lines, 5, 15, 50) / measured(lines, 5), within(1e-12));
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
        RulesFile rules = pimaRules("pima-submit");
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

    @Test
    void aProfileSavedOnSparkIsAReferenceAsTheSnapshotItCameFromOnSparkAndLocally() throws IOException {
        RulesFile rules = pimaRules("pima-saved");
        Path saved = work.resolve("profiles/pima-02.profile");
        Files.createDirectories(saved.getParent());
        assertThat(sparkCheck(rules, "pima-02.csv", null, "--save-profile", saved.toString(),
                "--json", work.resolve("p2.json").toString())).isEqualTo(1);
        assertThat(sparkCheck(rules, "pima-03.csv", PIMA.resolve("pima-02.csv").toString(),
                "--json", work.resolve("against-csv.json").toString())).isEqualTo(1);
        assertThat(sparkCheck(rules, "pima-03.csv", saved.toString(),
                "--json", work.resolve("against-profile.json").toString())).isEqualTo(1);
        int local = new picocli.CommandLine(new dev.driftwatch.cli.DriftwatchCommand()).execute("check",
                "--rules", rules.file().toString(), "--snapshot", PIMA.resolve("pima-03.csv").toString(),
                "--reference", saved.toString(), "--json", work.resolve("local.json").toString());
        assertThat(local).isEqualTo(1);

        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var againstCsv = json.readTree(work.resolve("against-csv.json").toFile());
        assertThat(againstCsv.get("reference").asText()).isEqualTo("pima-02.csv");
        for (String other : List.of("against-profile.json", "local.json")) {
            var run = json.readTree(work.resolve(other).toFile());
            assertThat(run.get("reference").asText()).as(other).isEqualTo("pima-02.profile");
            assertThat(run.get("results")).as(other).hasSameSizeAs(againstCsv.get("results"));
            for (int i = 0; i < run.get("results").size(); i++) {
                var expected = againstCsv.get("results").get(i);
                var actual = run.get("results").get(i);
                for (String field : List.of("rule", "check", "column", "split", "status", "message")) {
                    assertThat(actual.path(field).asText()).as("%s %d %s", other, i, field)
                            .isEqualTo(expected.path(field).asText());
                }
                assertThat(actual.path("observed").asDouble()).as("%s %d observed", other, i)
                        .isCloseTo(expected.path("observed").asDouble(), within(1e-9));
            }
        }
        // the drift rule compared with the saved profile: its results are there, and not skipped for want of a reference
        assertThat(againstCsv.get("results")).anySatisfy(result -> {
            assertThat(result.get("rule").asText()).isEqualTo("drift");
            assertThat(result.get("status").asText()).isIn("pass", "warn");
        });
    }

    /** The Pima snapshots, one file each, with the Pima columns and rules. */
    private static RulesFile pimaRules(String name) throws IOException {
        return rules(name, """
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                order: name
                """.formatted(PIMA) + PIMA_COLUMNS + PIMA_RULES);
    }

    private static int sparkCheck(RulesFile rules, String snapshot, String reference, String... more) {
        List<String> args = new ArrayList<>(List.of("--rules", rules.file().toString(),
                "--snapshot", PIMA.resolve(snapshot).toString()));
        if (reference != null) {
            args.addAll(List.of("--reference", reference));
        }
        args.addAll(List.of(more));
        return new picocli.CommandLine(new SparkCheck()).execute(args.toArray(String[]::new));
    }

    @Test
    void titanicRangesTypesAndPortsGiveTheLocalEnginesResults() throws IOException {
        Path vocabulary = work.resolve("ports.json");
        Files.writeString(vocabulary, "[{\"tag\": \"S\", \"aliases\": [\"Southampton\"]}, {\"tag\": \"C\"}]");
        RulesFile rules = rules("titanic-rows", """
                source: %s
                layout: folder_per_snapshot
                files: "{train,test}.csv"
                splits:
                  by: file
                  files: {train: train.csv, test: test.csv}
                reference: {split: train}
                columns:
                  id: PassengerId
                  label: Survived
                  numeric: [Age, SibSp, Parch, Fare]
                vocabulary: {file: %s}
                rules:
                  - {name: fares, kind: value_range, columns: [Fare], min: 1, max: 500}
                  - {name: tickets-typed, kind: type_consistency, columns: [Ticket, Age]}
                  - {name: ports, kind: unseen_tags, column: Embarked, min_frequency: 150, max_evidence: 4}
                  - {name: leak, kind: target_leakage, features: [Sex, Pclass], max_power: 0.3}
                """.formatted(TITANIC.getParent(), vocabulary));
        RunReport spark = sameAsLocal(rules, TITANIC, null, 4);

        // recounted from the csv records of each split file
        for (String split : List.of("train", "test")) {
            List<Map<String, String>> records = csvRecords(TITANIC.resolve(split + ".csv"));
            List<String> fares = column(records, "Fare").stream().filter(fare -> !fare.isBlank()).toList();
            long outside = fares.stream().mapToDouble(Double::parseDouble).filter(fare -> fare < 1 || fare > 500).count();
            // train: 15 fares of 0 and 3 of 512.3292 in 891; test: 2 of 0 and 1 of 512.3292 in 417
            assertThat(result(spark, "fares", split).status()).isEqualTo(Status.FAIL);
            assertThat(result(spark, "fares", split).observed()).isCloseTo((double) outside / fares.size(), within(1e-12));
            // tickets are mostly integers; those with letters ("A/5 21171") do not fit: 230 of 891, 122 of 418
            long lettered = column(records, "Ticket").stream().filter(ticket -> !ticket.strip().matches("\\d+")).count();
            RuleResult tickets = spark.results().stream()
                    .filter(r -> r.rule().equals("tickets-typed") && "Ticket".equals(r.column()) && split.equals(r.split()))
                    .findFirst().orElseThrow();
            assertThat(tickets.status()).isEqualTo(Status.FAIL);
            assertThat(tickets.observed()).isCloseTo((double) lettered / records.size(), within(1e-12));
            assertThat(tickets.evidence()).hasSize(10);
        }
        // Embarked over both files: rows with a port, those with Q (outside the vocabulary of S and C), and the ports
        // used by fewer than 150 rows (Q: 77 + 46)
        List<String> ports = new java.util.ArrayList<>(column(csvRecords(TITANIC.resolve("train.csv")), "Embarked"));
        ports.addAll(column(csvRecords(TITANIC.resolve("test.csv")), "Embarked"));
        long withPort = ports.stream().filter(port -> !port.isBlank()).count();
        long queenstown = ports.stream().filter("Q"::equals).count();
        RuleResult outside = check(spark, "ports", "out_of_vocabulary");
        assertThat(outside.status()).isEqualTo(Status.FAIL);
        assertThat(outside.observed()).isCloseTo((double) queenstown / withPort, within(1e-12));
        assertThat(outside.evidence()).hasSize(4).extracting(e -> e.values().get("outside_vocabulary")).containsOnly("Q");
        assertThat(check(spark, "ports", "rare").observed()).isEqualTo(1.0);
        assertThat(check(spark, "ports", "new").status()).isEqualTo(Status.PASS);
        // Sex alone: the majority Survived per sex over train's 891 labelled rows (test.csv has no label), against
        // always guessing the majority class; power (accuracy - baseline) / (1 - baseline), about 0.445
        List<Map<String, String>> train = csvRecords(TITANIC.resolve("train.csv"));
        Map<String, Map<String, Long>> bySex = new HashMap<>();
        Map<String, Long> survived = new HashMap<>();
        for (Map<String, String> record : train) {
            bySex.computeIfAbsent(record.get("Sex"), k -> new HashMap<>()).merge(record.get("Survived"), 1L, Long::sum);
            survived.merge(record.get("Survived"), 1L, Long::sum);
        }
        double accuracy = (double) bySex.values().stream()
                .mapToLong(labels -> java.util.Collections.max(labels.values())).sum() / train.size();
        double baseline = (double) java.util.Collections.max(survived.values()) / train.size();
        RuleResult sex = spark.results().stream().filter(r -> r.rule().equals("leak") && "Sex".equals(r.column()))
                .findFirst().orElseThrow();
        assertThat(sex.status()).isEqualTo(Status.FAIL);
        assertThat(sex.observed()).isCloseTo((accuracy - baseline) / (1 - baseline), within(1e-12));
    }

    @Test
    void madeWithMlJsonTagsAndTimesGiveTheLocalEnginesResults() throws IOException {
        // evidence rows name the line each record of the JSON array starts on, as the local engine names it
        RulesFile rules = rules("mwml-json", MWML.formatted(MADE_WITH_ML, "projects.json", 3));
        RunReport spark = sameAsLocal(rules, MADE_WITH_ML.resolve(MWML_S16), MADE_WITH_ML.resolve(MWML_S15), 1);
        assertMadeWithMlRecount(spark, 3);
        assertThat(result(spark, "ids").evidence()).extracting(Evidence::line).allMatch(line -> line > 3)
                .isEqualTo(jsonLinesOfIdsAbove(1000, 3));
    }

    @Test
    void madeWithMlParquetTagsAndTimesGiveTheLocalEnginesResults() throws IOException {
        Path snapshots = work.resolve("mwml-parquet");
        for (String snapshot : List.of(MWML_S15, MWML_S16)) {
            writeParquetInOrder(MADE_WITH_ML.resolve(snapshot).resolve("projects.json"), snapshots.resolve(snapshot));
            Files.copy(MADE_WITH_ML.resolve(snapshot).resolve("tags.json"), snapshots.resolve(snapshot).resolve("tags.json"));
        }
        RulesFile rules = rules("mwml-parquet", MWML.formatted(snapshots, "*.parquet", 3));
        RunReport spark = sameAsLocal(rules, snapshots.resolve(MWML_S16), snapshots.resolve(MWML_S15), 3);
        assertMadeWithMlRecount(spark, 3);
    }

    /**
     * Recounted from the text of s16's projects.json: the line of each {@code "id": N} with N above the limit (each
     * project's id is the first field of its object, on the line after the object's "{"), the first {@code count}.
     */
    private static List<Long> jsonLinesOfIdsAbove(long limit, int count) throws IOException {
        List<String> lines = Files.readAllLines(MADE_WITH_ML.resolve(MWML_S16).resolve("projects.json"));
        List<Long> found = new ArrayList<>();
        var id = java.util.regex.Pattern.compile("^\\s*\"id\": (\\d+),");
        for (int i = 0; i < lines.size() && found.size() < count; i++) {
            var matcher = id.matcher(lines.get(i));
            if (matcher.find() && Long.parseLong(matcher.group(1)) > limit) {
                found.add((long) i);  // 0-based index of the "id" line = the 1-based number of the line before it
            }
        }
        return found;
    }

    @Test
    void madeWithMlCsvWithTagsJoinedByASeparatorGivesTheLocalEnginesResults() throws IOException {
        Path snapshots = work.resolve("mwml-csv");
        for (String snapshot : List.of(MWML_S15, MWML_S16)) {
            writeCsvWithJoinedTags(MADE_WITH_ML.resolve(snapshot).resolve("projects.json"),
                    snapshots.resolve(snapshot).resolve("projects.csv"));
            Files.copy(MADE_WITH_ML.resolve(snapshot).resolve("tags.json"), snapshots.resolve(snapshot).resolve("tags.json"));
        }
        RulesFile rules = rules("mwml-csv", "list_separator: \"|\"\n" + MWML.formatted(snapshots, "projects.csv", 3));
        RunReport spark = sameAsLocal(rules, snapshots.resolve(MWML_S16), snapshots.resolve(MWML_S15), 1);
        assertMadeWithMlRecount(spark, 3);
    }

    /** The projects as csv, each one's tags joined by "|" or, every other project, " | " (items are stripped). */
    private static void writeCsvWithJoinedTags(Path json, Path csv) throws IOException {
        var projects = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        Files.createDirectories(csv.getParent());
        try (var out = Files.newBufferedWriter(csv); var rows = de.siegmar.fastcsv.writer.CsvWriter.builder().build(out)) {
            rows.writeRecord("id", "title", "description", "tags", "created_on");
            for (var project : projects) {
                List<String> tags = new ArrayList<>();
                project.get("tags").forEach(tag -> tags.add(tag.asText()));
                rows.writeRecord(project.get("id").asText(), project.get("title").asText(),
                        project.get("description").asText(),
                        String.join(project.get("id").asLong() % 2 == 0 ? "|" : " | ", tags),
                        project.get("created_on").asText());
            }
        }
    }

    private static final String MWML = """
            source: %s
            layout: folder_per_snapshot
            files: "%s"
            order: name
            columns:
              id: id
              inputs: [title, description]
              tags: tags
              timestamps: [created_on]
            vocabulary:
              in_snapshot: tags.json
            rules:
              - {name: tags, kind: unseen_tags, min_frequency: 60, max_evidence: 5}
              - {name: fresh, kind: freshness, max_age: 30d, column: created_on}
              - {name: typed, kind: type_consistency, columns: [id, created_on, title]}
              - {name: ids, kind: value_range, columns: [id], min: 1, max: 1000, max_evidence: %d}
            """;

    /** The Made With ML figures recounted from s16's projects.json. */
    private static void assertMadeWithMlRecount(RunReport spark, int idEvidence) throws IOException {
        var projects = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(MADE_WITH_ML.resolve(MWML_S16).resolve("projects.json").toFile());
        Map<String, Set<Long>> rowsPerTag = new HashMap<>();
        LocalDateTime newest = LocalDateTime.MIN;
        long ids = 0;
        long idsAbove = 0;
        for (var project : projects) {
            project.get("tags").forEach(tag -> rowsPerTag.computeIfAbsent(tag.asText(), t -> new HashSet<>())
                    .add(project.get("id").asLong()));
            LocalDateTime created = LocalDateTime.parse(project.get("created_on").asText().replace(' ', 'T'));
            newest = created.isAfter(newest) ? created : newest;
            ids++;
            idsAbove += project.get("id").asLong() > 1000 ? 1 : 0;
        }
        // every tag is a vocabulary tag; graph-learning (51 rows), reinforcement-learning (59) and time-series (34)
        // are used by fewer than 60 rows
        assertThat(check(spark, "tags", "out_of_vocabulary").observed()).isEqualTo(0.0);
        RuleResult rare = check(spark, "tags", "rare");
        assertThat(rare.status()).isEqualTo(Status.FAIL);
        assertThat(rare.observed()).isEqualTo((double) rowsPerTag.values().stream().filter(rows -> rows.size() < 60).count());
        assertThat(rare.evidence()).extracting(e -> e.values().get("tag"))
                .containsExactly("graph-learning", "reinforcement-learning", "time-series");
        assertThat(check(spark, "tags", "new").status()).isEqualTo(Status.PASS);
        // the newest created_on (2020-10-06 14:53:39, read as UTC) is 573 days before NOW
        RuleResult fresh = result(spark, "fresh");
        assertThat(fresh.status()).isEqualTo(Status.FAIL);
        assertThat(fresh.observed()).isEqualTo((double) Duration.between(newest.toInstant(ZoneOffset.UTC), NOW).toSeconds());
        // ids above 1,000 among the 999 projects
        RuleResult range = result(spark, "ids");
        assertThat(range.status()).isEqualTo(Status.FAIL);
        assertThat(range.observed()).isCloseTo((double) idsAbove / ids, within(1e-12));
        assertThat(range.evidence()).hasSize(idEvidence);
        assertThat(spark.results()).filteredOn(r -> r.rule().equals("typed")).extracting(RuleResult::status)
                .containsOnly(Status.PASS);
    }

    @Test
    void unseenTagsBeyondTheExactBoundMergeSketchesOnSpark() throws IOException {
        // 45,000 rows: "often" (a vocabulary tag) in every 5th, a tag of its own in the others: 36,000 distinct tags
        // outside the vocabulary, more than the 32,768 counted exactly, so both engines go over to sketches
        Path folder = work.resolve("many-tags");
        Files.createDirectories(folder);
        StringBuilder csv = new StringBuilder("id,tag\n");
        for (int i = 0; i < 45_000; i++) {
            csv.append(i).append(',').append(i % 5 == 0 ? "often" : "tag-" + i).append('\n');
        }
        Files.writeString(folder.resolve("tags.csv"), csv);
        Files.writeString(folder.resolve("vocabulary.json"), "[{\"tag\": \"often\"}]");
        RulesFile rules = rules("many-tags", """
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                columns: {id: id, label: tag}
                vocabulary: {file: %s}
                rules:
                  - {name: tags, kind: unseen_tags, checks: [out_of_vocabulary, rare], min_frequency: 2, max_evidence: 3}
                """.formatted(folder, folder.resolve("vocabulary.json")));
        Path snapshot = folder.resolve("tags.csv");
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Snapshot current = new SnapshotDiscovery(clock).snapshotAt(rules.dataset(), snapshot).orElseThrow();
        RunReport local = new SnapshotEvaluator(new Profiler(2), clock).evaluate(rules.dataset(), rules.rules(), current,
                Optional.empty());
        String partitionBytes = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "131072");
        RunReport onSpark;
        try {
            assertThat(SnapshotRows.read(spark, rules.dataset(), current).rows().getNumPartitions()).isGreaterThan(1);
            onSpark = new SparkRunner(spark, clock).run(rules, snapshot, null).report();
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", partitionBytes);
        }

        // out of vocabulary: the rows are counted exactly, 36,000 of 45,000; the tags' counts are estimates
        RuleResult outside = check(onSpark, "tags", "out_of_vocabulary");
        assertThat(outside.status()).isEqualTo(check(local, "tags", "out_of_vocabulary").status()).isEqualTo(Status.FAIL);
        assertThat(outside.observed()).isEqualTo(check(local, "tags", "out_of_vocabulary").observed()).isEqualTo(0.8);
        assertThat(outside.message()).startsWith("36,000 of 45,000 (80.0%) rows with a tag value carry one outside the"
                + " vocabulary of 1 tags (aliases resolved): ").contains("(estimated counts, each at most ");
        assertThat(outside.evidence()).isEqualTo(check(local, "tags", "out_of_vocabulary").evidence())
                .extracting(Evidence::id).containsExactly("1", "2", "3");
        // rare tags cannot be listed from a sketch: skipped by both
        RuleResult rare = check(onSpark, "tags", "rare");
        assertThat(rare.status()).isEqualTo(check(local, "tags", "rare").status()).isEqualTo(Status.SKIPPED);
        assertThat(rare.message()).startsWith("more than 32,768 distinct tags: they are counted by a frequent-items sketch");
    }

    /** Runs both engines at the same fixed time; checks every result is the same; returns the Spark runner's report. */
    private static RunReport sameAsLocal(RulesFile rules, Path snapshot, Path reference, int minPartitions) {
        return SameAsLocal.run(spark, rules, snapshot, reference, minPartitions, Clock.fixed(NOW, ZoneOffset.UTC));
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

    /**
     * The rows of a JSON array file as Spark reads them, in three Parquet part files in row order (a range of row
     * numbers each), tags as a list column.
     */
    private static void writeParquetInOrder(Path json, Path folder) {
        Dataset<org.apache.spark.sql.Row> rows = spark.read().option("multiLine", "true").json(json.toString())
                .withColumn("__order", functions.monotonically_increasing_id());
        rows.repartitionByRange(3, functions.col("__order")).sortWithinPartitions("__order").drop("__order")
                .write().parquet(folder.toString());
    }

    private static RuleResult result(RunReport run, String rule, String split) {
        return run.results().stream().filter(r -> r.rule().equals(rule) && split.equals(r.split())).findFirst().orElseThrow();
    }

    private static RuleResult check(RunReport run, String rule, String check) {
        return run.results().stream().filter(r -> r.rule().equals(rule) && check.equals(r.check())).findFirst().orElseThrow();
    }

    private static final Set<String> PIMA_MISSING = Set.of("", "0", "0.0", "?", "N/A", "NA");

    /** Values of a column that are numbers and not missing tokens. */
    private static long measured(List<String[]> rows, int column) {
        return rows.stream().map(row -> row[column]).filter(value -> !PIMA_MISSING.contains(value)).count();
    }

    private static long outsideRange(List<String[]> rows, int column, double min, double max) {
        return rows.stream().map(row -> row[column]).filter(value -> !PIMA_MISSING.contains(value))
                .mapToDouble(Double::parseDouble).filter(value -> value < min || value > max).count();
    }

    private static List<Map<String, String>> csvRecords(Path csv) throws IOException {
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofNamedCsvRecord(csv)) {
            return reader.stream().map(de.siegmar.fastcsv.reader.NamedCsvRecord::getFieldsAsMap).toList();
        }
    }

    private static List<String> column(List<Map<String, String>> records, String column) {
        return records.stream().map(record -> record.get(column)).toList();
    }

    private static List<String[]> csvLines(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
    }

    /** The file lines (the header is line 1) of the first {@code limit} rows that repeat an earlier row's columns. */
    private static List<Long> repeatedLines(List<String[]> rows, int limit, int... columns) {
        Set<String> seen = new HashSet<>();
        List<Long> lines = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size() && lines.size() < limit; i++) {
            StringBuilder key = new StringBuilder();
            for (int column : columns) {
                key.append(rows.get(i)[column]).append('\u0000');
            }
            if (!seen.add(key.toString())) {
                lines.add(i + 2L);
            }
        }
        return lines;
    }

    private static long repeats(List<String[]> rows, int... columns) {
        return repeatedLines(rows, Integer.MAX_VALUE, columns).size();
    }

    private static long conflictingGroups(List<String[]> rows) {
        Map<String, Set<String>> outcomes = new HashMap<>();
        for (String[] row : rows) {
            outcomes.computeIfAbsent(row[0] + "," + row[7], k -> new HashSet<>()).add(row[8]);
        }
        return outcomes.values().stream().filter(labels -> labels.size() > 1).count();
    }
}
