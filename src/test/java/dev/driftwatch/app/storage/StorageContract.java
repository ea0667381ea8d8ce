package dev.driftwatch.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.engine.profile.ProfileJson;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.exceptions.DataAccessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The storage tests every database must pass (H2 and PostgreSQL run the same ones). Each test uses
 * its own dataset name, so a database kept between runs does not disturb them.
 */
abstract class StorageContract {
    private final ApplicationContext context;
    private final Path root;

    StorageContract(Map<String, Object> properties) {
        this.context = ApplicationContext.run(properties, "test");
        this.root = TemporaryFolders.create("driftwatch-storage");
    }

    @AfterAll
    void close() {
        context.close();
    }

    abstract String expectedBinding();

    /** An empty database (or schema) of its own, to migrate step by step. */
    abstract MigrationDatabase emptyDatabase();

    @Test
    void theRepositoriesAreBoundToThisDatabasesDialect() {
        assertThat(context.getBean(RunRepository.class).getClass().getName()).contains(expectedBinding());
        assertThat(context.getBean(SnapshotRepository.class).getClass().getName()).contains(expectedBinding());
    }

    @Test
    void aSnapshotVersionIsStoredOncePerDatasetAndTheSameContentMayBeStoredTwice() {
        var datasets = context.getBean(DatasetRepository.class);
        var snapshots = context.getBean(SnapshotRepository.class);
        DatasetRow dataset = datasets.save(new DatasetRow(null, unique("once"), "rules/once.yaml", java.time.Instant.now()));
        SnapshotRow first = snapshots.save(row(dataset, "s1.csv", "abc", "v1"));

        assertThat(snapshots.findByDatasetIdAndVersionKey(dataset.id(), "v1")).get()
                .extracting(SnapshotRow::id, SnapshotRow::name).containsExactly(first.id(), "s1.csv");
        assertThatThrownBy(() -> snapshots.save(row(dataset, "s1.csv", "abc", "v1")))
                .isInstanceOf(DataAccessException.class);
        assertThat(snapshots.save(row(dataset, "copy-of-s1.csv", "abc", "v2")).id()).isNotEqualTo(first.id());
        assertThat(snapshots.save(row(dataset, "s2.csv", null, "v3")).fingerprint()).isNull();
        DatasetRow other = datasets.save(new DatasetRow(null, unique("other"), "rules/other.yaml", java.time.Instant.now()));
        assertThat(snapshots.save(row(other, "s1.csv", "abc", "v1")).id()).isNotEqualTo(first.id());
    }

    @Test
    void aRowStoredBeforeVersionsIsAdoptedWhenNameSizeAndTimeMatch() throws java.io.IOException {
        String name = unique("legacy");
        var data = new TestDatasets(root);
        Path file = data.snapshot(name, "s1.csv", TestDatasets.HEALTHY);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2024-05-06T07:08:09.123456Z")));
        data.snapshot(name, "s2.csv", TestDatasets.HEALTHY);
        RulesFile rules = new RulesFileLoader().load(data.declare(name));
        List<Snapshot> found = new SnapshotDiscovery(Clock.systemUTC()).discover(rules.dataset());
        RunStore store = context.getBean(RunStore.class);
        var snapshots = context.getBean(SnapshotRepository.class);
        DatasetRow dataset = store.dataset(name, "rules/" + name + ".yaml");
        var modified = java.time.Instant.parse("2024-05-06T07:08:09.123456Z");
        SnapshotRow legacy = snapshots.save(new SnapshotRow(null, dataset.id(), "s1.csv", "old-scheme", "/old/s1.csv",
                TestDatasets.HEALTHY.length(), modified, modified, "{}", null));
        SnapshotRow otherSize = snapshots.save(new SnapshotRow(null, dataset.id(), "s2.csv", "old-scheme-2", "/old/s2.csv",
                1, modified, modified, "{}", null));

        SnapshotRow adopted = store.snapshot(dataset, found.get(0));
        SnapshotRow added = store.snapshot(dataset, found.get(1));

        assertThat(found).extracting(Snapshot::id).containsExactly("s1.csv", "s2.csv");
        assertThat(adopted.id()).isEqualTo(legacy.id());
        assertThat(adopted.versionKey()).isEqualTo(found.get(0).version());
        assertThat(snapshots.findById(legacy.id())).get().extracting(SnapshotRow::versionKey).isEqualTo(found.get(0).version());
        assertThat(added.id()).isNotEqualTo(otherSize.id());
        assertThat(snapshots.findById(otherSize.id())).get().extracting(SnapshotRow::versionKey).isNull();
    }

    @Test
    void version4KeepsStoredSnapshotsAndMakesTheVersionTheIdentity() throws java.sql.SQLException {
        MigrationDatabase database = emptyDatabase();
        database.flyway("3").migrate();
        try (var sql = database.connect(); var statement = sql.createStatement()) {
            statement.executeUpdate("INSERT INTO datasets (id, name, rules_file, created_at) VALUES (1, 'd', 'd.yaml', "
                    + "TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05+00')");
            statement.executeUpdate(snapshotInsert(1, "'abc'", "NULL"));
            assertThatThrownBy(() -> statement.executeUpdate(snapshotInsert(2, "'abc'", "NULL")))
                    .as("version 3: one row per dataset and fingerprint").isInstanceOf(java.sql.SQLException.class);
        }

        database.flyway(null).migrate();

        try (var sql = database.connect(); var statement = sql.createStatement()) {
            var kept = statement.executeQuery("SELECT fingerprint, version_key FROM snapshots WHERE id = 1");
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("abc");
            assertThat(kept.getString(2)).isNull();
            statement.executeUpdate(snapshotInsert(2, "'abc'", "'v1'"));
            statement.executeUpdate(snapshotInsert(3, "NULL", "'v2'"));
            statement.executeUpdate(snapshotInsert(4, "'def'", "NULL"));
            assertThatThrownBy(() -> statement.executeUpdate(snapshotInsert(5, "'ghi'", "'v1'")))
                    .as("version 4: one row per dataset and version").isInstanceOf(java.sql.SQLException.class);
        } finally {
            database.drop();
        }
    }

    private static String snapshotInsert(long id, String fingerprint, String version) {
        String columns = "id, dataset_id, name, fingerprint, path, bytes, modified_at, discovered_at, producer";
        String values = id + ", 1, 's" + id + ".csv', " + fingerprint + ", '/data/s" + id + ".csv', 10, NULL, "
                + "TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05+00', '{}'";
        return "NULL".equals(version)
                ? "INSERT INTO snapshots (" + columns + ") VALUES (" + values + ")"
                : "INSERT INTO snapshots (" + columns + ", version_key) VALUES (" + values + ", " + version + ")";
    }

    @Test
    void aSucceededRunKeepsItsResultsEvidenceProfileAndFigures() {
        String name = unique("glucose");
        var data = new TestDatasets(root);
        data.snapshot(name, "s1.csv", TestDatasets.UNMEASURED);
        RulesFile rules = new RulesFileLoader().load(data.declare(name));
        Snapshot snapshot = new SnapshotDiscovery(Clock.systemUTC()).discover(rules.dataset()).get(0);
        RunReport report = new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                .evaluate(rules.dataset(), rules.rules(), snapshot, Optional.empty());
        RunStore store = context.getBean(RunStore.class);

        DatasetRow dataset = store.dataset(name, "rules/" + name + ".yaml");
        SnapshotRow stored = store.snapshot(dataset, snapshot);
        RunRow run = store.succeed(store.start(dataset, stored, null, RunTrigger.SCHEDULE), report);

        assertThat(stored.fingerprint()).as("nothing was read when the snapshot was found").isNull();
        assertThat(store.snapshot(dataset, snapshot).id()).isEqualTo(stored.id());
        // an independent recount of the file's SHA-256: MessageDigest over the bytes written
        assertThat(store.snapshot(dataset, snapshot).fingerprint()).isEqualTo(TestDatasets.sha256(TestDatasets.UNMEASURED));
        assertThat(stored.bytes()).isEqualTo(TestDatasets.UNMEASURED.length());
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.outcome()).isEqualTo("fail");
        assertThat(run.blocksGate()).isTrue();
        assertThat(store.successfulRun(stored)).contains(run);
        assertThat(store.latestRun(dataset)).contains(run);
        List<RuleResultRow> results = context.getBean(RuleResultRepository.class).findByRunIdOrderByPositionAsc(run.id());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.ruleName()).isEqualTo("glucose-measured");
            assertThat(r.columnName()).isEqualTo("glucose");
            assertThat(r.observed()).isEqualTo(0.5); // ids 2 and 4 of 4 rows have glucose 0
            assertThat(r.threshold()).isEqualTo(0.25);
            assertThat(r.evidence()).contains("\"id\":\"2\"").contains("\"id\":\"4\"");
        });
        assertThat(store.profile(run)).get().extracting(ProfileJson::tree)
                .isEqualTo(ProfileJson.tree(report.profile()));
        List<ProfileMetricRow> figures = context.getBean(ProfileMetricRepository.class).findByRunId(run.id());
        assertThat(figures).filteredOn(f -> f.metric().equals("missing_ratio") && "glucose".equals(f.columnName()))
                .singleElement().extracting(ProfileMetricRow::metricValue).isEqualTo(0.5);
        assertThat(figures).filteredOn(f -> f.metric().equals("rows") && f.columnName() == null)
                .extracting(ProfileMetricRow::metricValue).containsOnly(4.0);
    }

    @Test
    void aDriftResultKeepsItsNamedMeasure() throws java.io.IOException {
        // SciPy: ks_2samp(arange(200), arange(200) + 30) -> D 0.15, p 0.0220923622208589
        String name = unique("drift");
        Path source = Files.createDirectories(root.resolve(name).resolve("s1"));
        Files.writeString(source.resolve("train.csv"), "x\n" + java.util.stream.IntStream.range(0, 200)
                .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining("\n")) + "\n");
        Files.writeString(source.resolve("test.csv"), "x\n" + java.util.stream.IntStream.range(30, 230)
                .mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining("\n")) + "\n");
        Path rulesFile = Files.writeString(root.resolve(name + ".yaml"), """
                dataset: %s
                source: %s
                layout: folder_per_snapshot
                settle: 0s
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: {numeric: [x]}
                rules:
                  - {name: shift, kind: distribution_shift}
                  - {name: spread, kind: distribution_shift, method: wasserstein}
                """.formatted(name, root.resolve(name)));
        RulesFile rules = new RulesFileLoader().load(rulesFile);
        Snapshot snapshot = new SnapshotDiscovery(Clock.systemUTC()).discover(rules.dataset()).get(0);
        RunReport report = new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                .evaluate(rules.dataset(), rules.rules(), snapshot, Optional.empty());
        RunStore store = context.getBean(RunStore.class);
        DatasetRow dataset = store.dataset(name, rulesFile.toString());
        RunRow run = store.succeed(store.start(dataset, store.snapshot(dataset, snapshot), null, RunTrigger.SCHEDULE), report);

        List<RuleResultRow> rows = context.getBean(RuleResultRepository.class).findByRunIdOrderByPositionAsc(run.id());
        assertThat(rows).extracting(RuleResultRow::toResult).containsExactlyElementsOf(report.results());
        RuleResultRow ks = rows.get(0);
        assertThat(ks.checkName()).isEqualTo("ks");
        assertThat(ks.driftStatistic()).isEqualTo(0.15);
        assertThat(ks.driftPValue()).isCloseTo(0.0220923622208589, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ks.driftExact()).isTrue();
        assertThat(ks.observed()).isCloseTo(1 - 0.0220923622208589, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rows.get(1).driftPValue()).isNull();
        assertThat(rows.get(1).toResult().measure().method()).isEqualTo("wasserstein");
    }

    @Test
    void migrationV5TurnsTheStoredPValuesOfTestsIntoHigherMeansMoreDrift() throws Exception {
        MigrationDatabase database = emptyDatabase();
        database.flyway("3").migrate();
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO datasets (name, rules_file, created_at) VALUES ('old', 'old.yaml', CURRENT_TIMESTAMP)");
            statement.executeUpdate("INSERT INTO runs (dataset_id, trigger_kind, status, blocks_gate, started_at) "
                    + "SELECT id, 'schedule', 'succeeded', FALSE, CURRENT_TIMESTAMP FROM datasets");
            statement.executeUpdate("INSERT INTO rule_results (run_id, position, rule_name, kind, severity, status, "
                    + "column_name, observed, threshold, message, evidence, check_name) SELECT id, 0, 'drift', "
                    + "'distribution_shift', 'warn', 'warn', 'x', 0.02, 0.05, 'm', '[]', 'ks' FROM runs");
            statement.executeUpdate("INSERT INTO rule_results (run_id, position, rule_name, kind, severity, status, "
                    + "column_name, observed, threshold, message, evidence, check_name) SELECT id, 1, 'drift', "
                    + "'distribution_shift', 'warn', 'warn', 'y', 0.3, 0.2, 'm', '[]', 'psi' FROM runs");
        }
        database.flyway(null).migrate();
        try (var connection = database.connect();
             var query = connection.createStatement().executeQuery(
                     "SELECT column_name, observed, threshold, drift_adjusted_p_value FROM rule_results ORDER BY position")) {
            assertThat(query.next()).isTrue();
            assertThat(query.getDouble("observed")).isCloseTo(0.98, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(query.getDouble("threshold")).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(query.getDouble("drift_adjusted_p_value")).isEqualTo(0.02);
            assertThat(query.next()).isTrue();
            assertThat(query.getDouble("observed")).isEqualTo(0.3);
            assertThat(query.getDouble("threshold")).isEqualTo(0.2);
            assertThat(query.getObject("drift_adjusted_p_value")).isNull();
        } finally {
            database.drop();
        }
    }

    @Test
    void aSkippedResultIsStoredAndReadBackAsSkippedAndTheRunAsAPass() {
        String name = unique("first");
        var data = new TestDatasets(root);
        data.snapshot(name, "s1.csv", TestDatasets.HEALTHY);
        RulesFile rules = new RulesFileLoader().load(data.declare(name, """
                  - name: glucose-stable
                    kind: distribution_shift
                    columns: [glucose]
                """));
        Snapshot snapshot = new SnapshotDiscovery(Clock.systemUTC()).discover(rules.dataset()).get(0);
        RunReport report = new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                .evaluate(rules.dataset(), rules.rules(), snapshot, Optional.empty());
        RunStore store = context.getBean(RunStore.class);
        DatasetRow dataset = store.dataset(name, "rules/" + name + ".yaml");
        RunRow run = store.succeed(store.start(dataset, store.snapshot(dataset, snapshot), null, RunTrigger.SCHEDULE), report);

        assertThat(run.outcome()).isEqualTo("pass");
        assertThat(run.blocksGate()).isFalse();
        List<RuleResultRow> results = context.getBean(RuleResultRepository.class).findByRunIdOrderByPositionAsc(run.id());
        assertThat(results).extracting(RuleResultRow::ruleName, RuleResultRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("glucose-measured", "pass"),
                org.assertj.core.groups.Tuple.tuple("glucose-stable", "skipped"));
        assertThat(results.get(1).toResult().status()).isEqualTo(dev.driftwatch.engine.rule.Status.SKIPPED);
    }

    @Test
    void aFailedRunIsTheLatestRunButNotASuccessfulOne() {
        RunStore store = context.getBean(RunStore.class);
        DatasetRow dataset = store.dataset(unique("failing"), "rules/failing.yaml");
        SnapshotRow snapshot = context.getBean(SnapshotRepository.class).save(row(dataset, "s1.csv", null, "f1"));

        RunRow failed = store.fail(store.start(dataset, snapshot, null, RunTrigger.SCHEDULE), "could not read s1.csv");

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(store.latestRun(dataset)).contains(failed);
        assertThat(store.successfulRun(snapshot)).isEmpty();
        assertThat(context.getBean(RunRepository.class).findById(failed.id())).get()
                .extracting(RunRow::error).isEqualTo("could not read s1.csv");
    }

    @Test
    void pruningRemovesExpiredRunsAndKeepsEachSnapshotsMarkTheReferencesAndTheNewest() throws Exception {
        String name = unique("prune");
        var data = new TestDatasets(root);
        data.snapshot(name, "s1.csv", TestDatasets.UNMEASURED);
        RulesFile rules = new RulesFileLoader().load(data.declare(name));
        Snapshot snapshot = new SnapshotDiscovery(Clock.systemUTC()).discover(rules.dataset()).get(0);
        RunReport report = new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                .evaluate(rules.dataset(), rules.rules(), snapshot, Optional.empty());
        RunStore store = context.getBean(RunStore.class);
        DatasetRow dataset = store.dataset(name, "rules/" + name + ".yaml");
        var snapshots = context.getBean(SnapshotRepository.class);
        List<SnapshotRow> rows = new java.util.ArrayList<>();
        for (String s : List.of("s1", "s2", "s3", "s4")) {
            SnapshotRow row = snapshots.save(row(dataset, s + ".csv", null, name + s));
            rows.add(row);
            store.fail(store.start(dataset, row, null, RunTrigger.SCHEDULE), "could not read " + s);
            store.succeed(store.start(dataset, row, null, RunTrigger.SCHEDULE), report);
        }
        RunRow again = store.succeed(store.start(dataset, rows.get(3), null, RunTrigger.request("operator")), report);
        // per successful run, as stored (a plain count before pruning): results and profile figures
        long results = count("rule_results WHERE run_id = " + again.id());
        long figures = count("profile_metrics WHERE run_id = " + again.id());
        assertThat(results).isPositive();
        assertThat(figures).isPositive();
        assertThat(tables(dataset)).containsExactly(9L, 5 * results, 5L, 5 * figures);
        try (var sql = connection(); var statement = sql.createStatement()) {
            statement.executeUpdate("UPDATE runs SET finished_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00'"
                    + " WHERE snapshot_id IN (" + rows.get(0).id() + ", " + rows.get(1).id() + ")");
        }
        RunPruner pruner = context.getBean(RunPruner.class);
        java.util.Set<Long> references = java.util.Set.of(rows.get(0).id(), rows.get(3).id());

        // older than 30 days: the runs of s1 and s2; their failed runs go, their successful ones lose their results
        pruner.prune(dataset.id(), references, java.time.Instant.now(), java.time.Duration.ofDays(30), 0, true);
        assertThat(tables(dataset)).containsExactly(7L, 3 * results, 5L, 5 * figures);

        // beyond the newest 3 (s4's two successful runs and its failed one): s3's failed run goes, s3's and s2's
        // profiles go without the history; s1 (a reference, e.g. the pinned baseline) keeps its profile
        RunPruner.Pruned pruned = pruner.prune(dataset.id(), references, java.time.Instant.now(), null, 3, false);
        assertThat(pruned).isEqualTo(new RunPruner.Pruned(1, results, 2, 2 * figures));
        assertThat(tables(dataset)).containsExactly(6L, 2 * results, 3L, 3 * figures);
        assertThat(rows).allSatisfy(row -> assertThat(store.successfulRun(row)).as(row.name()).isPresent());
        assertThat(store.profile(store.successfulRun(rows.get(0)).orElseThrow())).isPresent();
        assertThat(store.profile(store.successfulRun(rows.get(2)).orElseThrow())).isEmpty();
        assertThat(store.latestRun(dataset)).contains(again);
    }

    /** Rows of the dataset's runs, rule results, profiles and profile figures, counted with plain SQL. */
    private List<Long> tables(DatasetRow dataset) throws java.sql.SQLException {
        String ofRuns = " WHERE run_id IN (SELECT id FROM runs WHERE dataset_id = " + dataset.id() + ")";
        return List.of(count("runs WHERE dataset_id = " + dataset.id()), count("rule_results" + ofRuns),
                count("profiles" + ofRuns), count("profile_metrics" + ofRuns));
    }

    private long count(String from) throws java.sql.SQLException {
        try (var sql = connection(); var statement = sql.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private java.sql.Connection connection() throws java.sql.SQLException {
        return context.getBean(io.micronaut.jdbc.DataSourceResolver.class)
                .resolve(context.getBean(javax.sql.DataSource.class)).getConnection();
    }

    private static SnapshotRow row(DatasetRow dataset, String name, String fingerprint, String version) {
        return new SnapshotRow(null, dataset.id(), name, fingerprint, "/data/" + name, 10,
                java.time.Instant.parse("2024-01-02T03:04:05Z"), java.time.Instant.now(), "{\"by\":\"test\"}", version);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
