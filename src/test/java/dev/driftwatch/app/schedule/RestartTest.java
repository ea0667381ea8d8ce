package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idempotence across restarts: a new service on the same H2 file evaluates no snapshot again. */
class RestartTest {
    @Test
    void aRestartedServiceDoesNotEvaluateTheSameSnapshotAgain() throws Exception {
        Path root = TemporaryFolders.create("driftwatch-restart");
        var data = new TestDatasets(root);
        data.declare("kept");
        data.snapshot("kept", "s1.csv", TestDatasets.HEALTHY);
        Map<String, Object> properties = Map.of("driftwatch.rules", data.rules().toString(),
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));

        try (ApplicationContext first = ApplicationContext.run(properties, "test")) {
            first.getBean(DatasetWatch.class).tick().join();
            assertThat(runsOf(first)).isEqualTo(1);
        }
        data.snapshot("kept", "s2.csv", TestDatasets.UNMEASURED);
        try (ApplicationContext second = ApplicationContext.run(properties, "test")) {
            second.getBean(DatasetWatch.class).tick().join();
            second.getBean(DatasetWatch.class).tick().join();
            assertThat(runsOf(second)).as("s1 once before the restart, s2 once after").isEqualTo(2);
            Long dataset = second.getBean(DatasetRepository.class).findByName("kept").orElseThrow().id();
            assertThat(second.getBean(SnapshotRepository.class).findByDatasetIdOrderByName(dataset)).hasSize(2);
        }
    }

    private static long runsOf(ApplicationContext context) {
        Long dataset = context.getBean(DatasetRepository.class).findByName("kept").orElseThrow().id();
        return context.getBean(RunRepository.class).countByDatasetId(dataset);
    }
}
