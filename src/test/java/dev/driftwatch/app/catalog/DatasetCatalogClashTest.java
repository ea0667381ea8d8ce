package dev.driftwatch.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.config.DriftwatchConfiguration;
import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two rules files that declare one dataset: the running service keeps the file it already watched and reports the
 * newcomer; a fresh start keeps the first file in path order and reports the other.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetCatalogClashTest implements TestPropertyProvider {
    private final Path root = TemporaryFolders.create("driftwatch-clash");
    private final TestDatasets data = new TestDatasets(root);

    @Inject
    DatasetCatalog catalog;
    @Inject
    DatasetWatch watch;
    @Inject
    DatasetRepository datasets;
    @Inject
    RunRepository runs;
    @Inject
    DriftwatchConfiguration configuration;
    @Inject
    RulesFileLoader loader;
    @Inject
    ApplicationEventPublisher<DatasetCatalogChanged> events;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("driftwatch.rules", data.rules().toString(), "driftwatch.interval", "1ms",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }

    @Test
    void theWatchedFileStaysAndTheNewcomerIsReportedWhileAFreshStartKeepsTheFirstInPathOrder() throws IOException {
        Path watched = data.declare("clash");
        data.snapshot("clash", "s1.csv", TestDatasets.HEALTHY);
        watch.tick().join();
        long ran = runs.countByDatasetId(datasets.findByName("clash").orElseThrow().id());
        assertThat(ran).isEqualTo(1);

        // "a-clash.yaml" sorts before "clash.yaml": on a first read it would win
        Path newcomer = Files.copy(watched, data.rules().resolve("a-clash.yaml"));
        data.snapshot("clash", "s2.csv", TestDatasets.UNMEASURED);
        watch.tick().join();

        assertThat(catalog.entries().get("clash").file()).isEqualTo(watched);
        CatalogEntry reported = catalog.entries().get("clash@a-clash.yaml");
        assertThat(reported.loaded()).isEmpty();
        assertThat(reported.file()).isEqualTo(newcomer);
        assertThat(reported.error()).isEqualTo(newcomer + ":1: dataset: expected a dataset name no other rules file declares"
                + " but 'clash' is also declared in " + watched + "; the service keeps watching " + watched);
        assertThat(runs.countByDatasetId(datasets.findByName("clash").orElseThrow().id()))
                .as("the kept file's dataset goes on: s2 is evaluated").isEqualTo(ran + 1);

        var freshStart = new DatasetCatalog(configuration, loader, events);
        assertThat(freshStart.reload().get("clash").file()).isEqualTo(newcomer);
        assertThat(freshStart.entries().get("clash@clash.yaml").error()).isEqualTo(watched + ":1: dataset: expected a dataset"
                + " name no other rules file declares but 'clash' is also declared in " + newcomer
                + "; the service keeps watching " + newcomer);
    }

}
