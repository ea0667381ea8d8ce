package dev.driftwatch.app.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One snapshot folder that cannot be listed blocks only itself: the dataset's other snapshots are evaluated, and
 * the unreadable one is one failed run of the dataset with the reason. Without root, the folder is chmod 000
 * (permission denied); root reads through any mode, so there the folder holds a path longer than Linux's PATH_MAX
 * of 4,096 bytes, which no process can list (ENAMETOOLONG): a real I/O error either way.
 */
class UnreadableSnapshotTest {
    @Test
    void anUnreadableSnapshotFolderBlocksOnlyItself() throws Exception {
        Path root = TemporaryFolders.create("driftwatch-unreadable");
        var data = new TestDatasets(root);
        Path source = data.source("folders");
        TestDatasets.write(data.rules().resolve("folders.yaml"), """
                dataset: folders
                source: %s
                layout: folder_per_snapshot
                files: "*.csv"
                settle: 0s
                columns:
                  id: id
                rules:
                  - name: rows
                    kind: row_count
                    min: 1
                """.formatted(source.toAbsolutePath()));
        TestDatasets.write(source.resolve("s1/data.csv"), TestDatasets.HEALTHY);
        TestDatasets.write(source.resolve("s2/data.csv"), TestDatasets.HEALTHY);
        TestDatasets.write(source.resolve("s3/data.csv"), TestDatasets.UNMEASURED);
        Path unreadable = source.resolve("s2");
        makeUnlistable(unreadable);
        try (var context = ApplicationContext.run(Map.of("driftwatch.rules", data.rules().toString(),
                "driftwatch.interval", "1ms", "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")),
                "test")) {
            DatasetWatch watch = context.getBean(DatasetWatch.class);
            watch.tick().join();
            watch.tick().join();

            long dataset = context.getBean(DatasetRepository.class).findByName("folders").orElseThrow().id();
            List<SnapshotRow> snapshots = context.getBean(SnapshotRepository.class).findByDatasetIdOrderByName(dataset);
            RunRepository runs = context.getBean(RunRepository.class);
            assertThat(snapshots).extracting(SnapshotRow::name).containsExactly("s1", "s3");
            assertThat(snapshots).allSatisfy(s -> assertThat(runs.findBySnapshotIdOrderByIdAsc(s.id()))
                    .singleElement().extracting(RunRow::status).isEqualTo("succeeded"));
            assertThat(runs.findByDatasetIdAndStatusOrderByIdAsc(dataset, "failed")).as("one failed run in two turns")
                    .singleElement().satisfies(run -> {
                        assertThat(run.snapshotId()).isNull();
                        assertThat(run.error()).startsWith("could not list the files of snapshot " + unreadable + ": ");
                    });
        } finally {
            Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("rwx------"));
            // the tree deeper than PATH_MAX defeats Files.walk; rm walks it a level at a time
            new ProcessBuilder("rm", "-rf", unreadable.toString()).inheritIO().start().waitFor();
        }
    }

    private static void makeUnlistable(Path folder) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
            return;
        }
        // relative steps: each mkdir and chdir names one level, so no call is given the whole path
        Process mkdir = new ProcessBuilder("python3", "-c", "import os,sys\nos.chdir(sys.argv[1])\nfor i in range(25):\n"
                + "    os.mkdir('d' * 200)\n    os.chdir('d' * 200)\n", folder.toString()).inheritIO().start();
        assertThat(mkdir.waitFor()).as("mkdir of 25 levels of 200 bytes, 5,025 bytes below " + folder).isZero();
    }
}
