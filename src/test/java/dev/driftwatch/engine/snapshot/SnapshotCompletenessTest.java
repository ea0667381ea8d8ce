package dev.driftwatch.engine.snapshot;

import static dev.driftwatch.engine.snapshot.SnapshotDiscoveryTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SnapshotOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot counts only when complete: settled for the quiet period, or marked ready; files in progress never count. */
class SnapshotCompletenessTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path temp;

    @Test
    void aFileWrittenInChunksIsNotDiscoveredUntilItHasBeenUnmodifiedForTheSettleTime() throws IOException {
        var dataset = files(Duration.ofSeconds(10));
        Path file = temp.resolve("s1.csv");
        write(file, "id,x\n1,a\n");
        modified(file, T0);

        assertThat(ids(dataset, T0.plusSeconds(4))).isEmpty();
        Files.writeString(file, "2,b\n", StandardOpenOption.APPEND);
        modified(file, T0.plusSeconds(6));
        assertThat(ids(dataset, T0.plusSeconds(12))).as("6 s after the second chunk").isEmpty();
        assertThat(ids(dataset, T0.plusSeconds(16))).as("10 s after the second chunk").containsExactly("s1.csv");
        assertThat(new SnapshotDiscovery(at(T0.plusSeconds(12))).scan(dataset).incomplete()).containsExactly(
                "s1.csv: modified at 2026-03-01T10:00:06Z, complete once unmodified for PT10S (at 2026-03-01T10:00:16Z)");
    }

    @Test
    void aFileAddedToASnapshotFolderKeepsTheFolderUnsettled() throws IOException {
        var dataset = folders(Duration.ofSeconds(10), null);
        write(temp.resolve("s1/part-0.csv"), "id\n1\n");
        modified(temp.resolve("s1/part-0.csv"), T0);
        modified(temp.resolve("s1"), T0.plusSeconds(8)); // a second file's entry was created at T0 + 8 s

        assertThat(ids(dataset, T0.plusSeconds(12))).isEmpty();
        assertThat(ids(dataset, T0.plusSeconds(18))).containsExactly("s1");
    }

    @Test
    void aFolderWithoutItsDeclaredReadyMarkerIsNotDiscoveredUntilTheMarkerAppears() throws IOException {
        var dataset = folders(Duration.ZERO, "_SUCCESS");
        write(temp.resolve("s1/part-00000.csv"), "id\n1\n");
        modified(temp.resolve("s1/part-00000.csv"), T0);

        assertThat(ids(dataset, T0.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(new SnapshotDiscovery(at(T0)).scan(dataset).incomplete()).containsExactly("s1: no _SUCCESS marker yet");
        write(temp.resolve("s1/_SUCCESS"), "");
        List<Snapshot> found = new SnapshotDiscovery(at(T0)).discover(dataset);
        assertThat(found).extracting(Snapshot::id).containsExactly("s1");
        assertThat(found.get(0).files()).extracting(SnapshotFile::relativePath).as("the marker is no data")
                .containsExactly("part-00000.csv");
    }

    @Test
    void namesOfFilesInProgressAreNeverSnapshotsNorSnapshotFiles() throws IOException {
        var folders = folders(Duration.ZERO, null);
        write(temp.resolve("s1/data.csv"), "id\n1\n");
        write(temp.resolve("s1/data.csv.tmp"), "id\n2\n");
        write(temp.resolve("s1/more.csv.part"), "id\n3\n");
        write(temp.resolve("s1/.data.csv.crc"), "x");
        write(temp.resolve("s1/_temporary/0/part-1.csv"), "id\n4\n");
        write(temp.resolve(".s2/data.csv"), "id\n5\n");
        write(temp.resolve("s3.tmp/data.csv"), "id\n6\n");
        write(temp.resolve("_temporary/data.csv"), "id\n7\n");

        List<Snapshot> found = new SnapshotDiscovery(at(T0)).discover(folders);

        assertThat(found).extracting(Snapshot::id).containsExactly("s1");
        assertThat(found.get(0).files()).extracting(SnapshotFile::relativePath).containsExactly("data.csv");
    }

    @Test
    void aSnapshotTheUserNamesNeedsNoSettleTimeButNeitherAnInProgressNameNorAMissingMarker() throws IOException {
        write(temp.resolve("s1.csv"), "id\n1\n");
        write(temp.resolve("s2.csv.part"), "id\n1\n");
        write(temp.resolve("s3/data.csv"), "id\n1\n");
        var discovery = new SnapshotDiscovery(Clock.systemUTC());

        assertThat(discovery.snapshotAt(files(Duration.ofDays(1)), temp.resolve("s1.csv"))).isPresent();
        assertThatThrownBy(() -> discovery.snapshotAt(files(Duration.ofDays(1)), temp.resolve("s2.csv.part")))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("expected a complete snapshot but found " + temp.resolve("s2.csv.part")
                        + ", a name writers give to files in progress (*.tmp, *.part, .*, _temporary/, the ready marker)");
        assertThatThrownBy(() -> discovery.snapshotAt(folders(Duration.ZERO, "_SUCCESS"), temp.resolve("s3")))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("expected the ready marker _SUCCESS in " + temp.resolve("s3")
                        + " (the rules file declares ready_marker) but found none: the snapshot is not complete");
    }

    private List<String> ids(DatasetDefinition dataset, Instant now) {
        return new SnapshotDiscovery(at(now)).discover(dataset).stream().map(Snapshot::id).toList();
    }

    private DatasetDefinition files(Duration settle) {
        return new DatasetDefinition("t", temp, new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "*.csv", settle,
                null, SnapshotOrder.MODIFIED), null, null, null, null, null, null, 0.01, null);
    }

    private DatasetDefinition folders(Duration settle, String marker) {
        return new DatasetDefinition("t", temp, new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, "**", settle,
                marker, SnapshotOrder.MODIFIED), null, null, null, null, null, null, 0.01, null);
    }

    private static Clock at(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static void modified(Path path, Instant time) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(time));
    }
}
