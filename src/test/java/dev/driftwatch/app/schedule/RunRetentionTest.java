package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RuleResultRepository;
import dev.driftwatch.app.storage.RuleResultRow;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunStore;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service's retention with {@code keep-last: 1} and {@code keep-history: false} on a dataset compared with a pinned
 * baseline: old runs lose their results, the baseline's profile and the two newest snapshots' survive, and the next
 * snapshot is still compared with the baseline.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunRetentionTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-retention");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    DatasetWatch watch;
    @Inject
    RunRetention retention;
    @Inject
    DatasetRepository datasets;
    @Inject
    SnapshotRepository snapshots;
    @Inject
    RunRepository runs;
    @Inject
    RuleResultRepository results;
    @Inject
    RunStore store;
    @Inject
    DataSource dataSource;
    @Inject
    DataSourceResolver resolver;
    @Inject
    dev.driftwatch.app.config.RetentionConfiguration settings;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms",
                "driftwatch.retention.keep-last", "1", "driftwatch.retention.keep-history", "false",
                "driftwatch.retention.max-age", "3650d",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @Test
    void oldRunsLoseResultsAndProfilesButTheBaselineAndNewestProfilesStayForTheNextComparison() throws Exception {
        data.declare("pinned", """
                  - name: rows-stable
                    kind: row_count
                    max_change: 0.5
                reference: {baseline: s1.csv}
                """);
        for (String name : new String[] {"s1.csv", "s2.csv", "s3.csv", "s4.csv"}) {
            data.snapshot("pinned", name, TestDatasets.HEALTHY);
        }
        watch.tick().join();
        // written as operators write it; ten years: no run here is that old, the count decides
        assertThat(settings.maxAge()).isEqualTo(java.time.Duration.ofDays(3650));
        long dataset = datasets.findByName("pinned").orElseThrow().id();
        assertThat(count("runs WHERE dataset_id = " + dataset)).isEqualTo(4);
        long perRun = count("rule_results WHERE run_id = " + latestRun(dataset).id());

        retention.pruneAll();

        // four runs, each its snapshot's mark: none is deleted; all but the newest lose their results
        assertThat(count("runs WHERE dataset_id = " + dataset)).isEqualTo(4);
        assertThat(count("rule_results WHERE run_id IN (SELECT id FROM runs WHERE dataset_id = " + dataset + ")"))
                .isEqualTo(perRun);
        assertThat(hasProfile("s1.csv")).as("the pinned baseline").isTrue();
        assertThat(hasProfile("s2.csv")).isFalse();
        assertThat(hasProfile("s3.csv")).as("the second newest snapshot").isTrue();
        assertThat(hasProfile("s4.csv")).as("the newest run").isTrue();

        data.snapshot("pinned", "s5.csv", TestDatasets.HEALTHY);
        watch.tick().join();
        RunRow fifth = latestRun(dataset);
        assertThat(fifth.status()).isEqualTo("succeeded");
        assertThat(results.findByRunIdOrderByPositionAsc(fifth.id())).filteredOn(r -> r.ruleName().equals("rows-stable"))
                .extracting(RuleResultRow::status).containsExactly("pass");
    }

    private boolean hasProfile(String snapshot) {
        SnapshotRow row = snapshots.findByDatasetIdOrderByName(datasets.findByName("pinned").orElseThrow().id()).stream()
                .filter(s -> s.name().equals(snapshot)).findFirst().orElseThrow();
        return store.successfulRun(row).flatMap(store::profile).isPresent();
    }

    private RunRow latestRun(long dataset) {
        return runs.findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(dataset).orElseThrow();
    }

    private long count(String from) throws java.sql.SQLException {
        try (var sql = resolver.resolve(dataSource).getConnection(); var statement = sql.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
