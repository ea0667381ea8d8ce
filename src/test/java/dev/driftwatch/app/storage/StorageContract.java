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
        try {
            this.root = Files.createTempDirectory("driftwatch-storage");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    void close() {
        context.close();
    }

    abstract String expectedBinding();

    @Test
    void theRepositoriesAreBoundToThisDatabasesDialect() {
        assertThat(context.getBean(RunRepository.class).getClass().getName()).contains(expectedBinding());
        assertThat(context.getBean(SnapshotRepository.class).getClass().getName()).contains(expectedBinding());
    }

    @Test
    void aSnapshotIsStoredOncePerDatasetAndFingerprint() {
        var datasets = context.getBean(DatasetRepository.class);
        var snapshots = context.getBean(SnapshotRepository.class);
        DatasetRow dataset = datasets.save(new DatasetRow(null, unique("once"), "rules/once.yaml", java.time.Instant.now()));
        SnapshotRow first = snapshots.save(row(dataset, "s1.csv", "abc"));

        assertThat(snapshots.findByDatasetIdAndFingerprint(dataset.id(), "abc")).get()
                .extracting(SnapshotRow::id, SnapshotRow::name).containsExactly(first.id(), "s1.csv");
        assertThatThrownBy(() -> snapshots.save(row(dataset, "copy-of-s1.csv", "abc")))
                .isInstanceOf(DataAccessException.class);
        DatasetRow other = datasets.save(new DatasetRow(null, unique("other"), "rules/other.yaml", java.time.Instant.now()));
        assertThat(snapshots.save(row(other, "s1.csv", "abc")).id()).isNotEqualTo(first.id());
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

        assertThat(store.snapshot(dataset, snapshot)).isEqualTo(stored);
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
        SnapshotRow snapshot = context.getBean(SnapshotRepository.class).save(row(dataset, "s1.csv", "f1"));

        RunRow failed = store.fail(store.start(dataset, snapshot, null, RunTrigger.SCHEDULE), "could not read s1.csv");

        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(store.latestRun(dataset)).contains(failed);
        assertThat(store.successfulRun(snapshot)).isEmpty();
        assertThat(context.getBean(RunRepository.class).findById(failed.id())).get()
                .extracting(RunRow::error).isEqualTo("could not read s1.csv");
    }

    private static SnapshotRow row(DatasetRow dataset, String name, String fingerprint) {
        return new SnapshotRow(null, dataset.id(), name, fingerprint, "/data/" + name, 10,
                java.time.Instant.parse("2024-01-02T03:04:05Z"), java.time.Instant.now(), "{\"by\":\"test\"}");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
