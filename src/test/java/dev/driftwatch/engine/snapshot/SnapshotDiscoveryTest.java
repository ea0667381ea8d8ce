package dev.driftwatch.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SnapshotOrder;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.read.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotDiscoveryTest {
    private static final Path EXAMPLES = Path.of("src/examples");
    private final SnapshotDiscovery discovery =
            new SnapshotDiscovery(Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    @TempDir
    Path temp;

    @Test
    void foldersAreSnapshotsFoundWithoutReadingTheirContentAndWithStableVersions() {
        DatasetDefinition dataset = byName(folders("madewithml", EXAMPLES.resolve("madewithml/snapshots"), "projects.json", null));

        List<Snapshot> first = discovery.discover(dataset);
        List<Snapshot> again = new SnapshotDiscovery(Clock.systemUTC()).discover(dataset);

        assertThat(first).extracting(Snapshot::id).containsExactly(
                "s13_2022-04-18_Made-With-ML_d3491f3", "s15_2022-05-02_Made-With-ML_578e612",
                "s16_2022-05-03_Made-With-ML_5c59a97");
        assertThat(again).extracting(Snapshot::version).containsExactlyElementsOf(first.stream().map(Snapshot::version).toList());
        assertThat(first.get(0).files()).extracting(SnapshotFile::relativePath).containsExactly("projects.json");
        assertThat(first.get(0).provenance().bytes()).isEqualTo(448_984); // wc -c projects.json
        assertThat(first.get(0).version()).matches("[0-9a-f]{64}");
        assertThat(first.get(0).fingerprint()).as("no content was read").isNull();
        assertThat(first.get(0).files().get(0).sha256()).isNull();
        assertThat(first.get(0).provenance().discoveredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void aVocabularyShippedInTheSnapshotIsPartOfItsVersion() throws IOException {
        write(temp.resolve("s1/projects.json"), "[]");
        write(temp.resolve("s1/tags.json"), "{}");
        var declared = folders("t", temp, "projects.json", new VocabularyDeclaration(null, "tags.json", null, 0));
        var undeclared = folders("t", temp, "projects.json", null);
        String before = discovery.discover(declared).get(0).version();
        String beforeUndeclared = discovery.discover(undeclared).get(0).version();

        Files.setLastModifiedTime(temp.resolve("s1/tags.json"), FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));

        assertThat(discovery.discover(declared).get(0).version()).isNotEqualTo(before);
        assertThat(discovery.discover(undeclared).get(0).version()).isEqualTo(beforeUndeclared);
    }

    @Test
    void aChangedSizeOrTimeIsANewVersionAndARenamedFolderIsANewSnapshot() throws IOException {
        write(temp.resolve("a/data.csv"), "x,y\n1,2\n");
        FileTime time = FileTime.from(Instant.parse("2025-03-04T05:06:07Z"));
        Files.setLastModifiedTime(temp.resolve("a/data.csv"), time);
        var dataset = folders("t", temp, "*.csv", null);
        String original = discovery.discover(dataset).get(0).version();

        write(temp.resolve("a/data.csv"), "x,y\n1,3\n");
        Files.setLastModifiedTime(temp.resolve("a/data.csv"), time);
        String sameSizeAndTime = discovery.discover(dataset).get(0).version();
        Files.setLastModifiedTime(temp.resolve("a/data.csv"), FileTime.from(Instant.parse("2025-03-04T05:06:08Z")));
        String otherTime = discovery.discover(dataset).get(0).version();
        Files.setLastModifiedTime(temp.resolve("a/data.csv"), time);
        Files.move(temp.resolve("a"), temp.resolve("b"));
        Snapshot renamed = discovery.discover(dataset).get(0);

        assertThat(sameSizeAndTime).as("content is not read to find snapshots").isEqualTo(original);
        assertThat(otherTime).isNotEqualTo(original);
        assertThat(renamed.id()).isEqualTo("b");
        assertThat(renamed.version()).isNotEqualTo(original);
    }

    @Test
    void filesMatchingThePatternAreSnapshotsAndOthersAreIgnored() {
        var dataset = byName(new DatasetDefinition("pima", EXAMPLES.resolve("pima/snapshots"),
                new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "pima-0[12].csv"), null, null, null, null, null, null,
                0.01, null));

        List<Snapshot> snapshots = discovery.discover(dataset);

        assertThat(snapshots).extracting(Snapshot::id).containsExactly("pima-01.csv", "pima-02.csv");
        assertThat(snapshots.get(1).files().get(0).format()).isEqualTo(Format.CSV);
        assertThat(snapshots.get(1).files().get(0).split()).isEqualTo(SplitPolicy.ALL);
    }

    @Test
    void filesAreAssignedToSplitsByPatternAndUnmatchedFilesAreLeftOut() throws IOException {
        write(temp.resolve("s1/dataset.csv"), "id\n1\n");
        write(temp.resolve("s1/holdout.csv"), "id\n2\n");
        write(temp.resolve("s1/notes.csv"), "id\n3\n");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("train", "dataset.csv");
        files.put("test", "holdout.csv");
        var dataset = new DatasetDefinition("split", temp, new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, "*.csv"),
                null, null, new SplitPolicy(SplitPolicy.Kind.FILE, files, null), null, null, null, 0.01, null);

        Snapshot snapshot = discovery.discover(dataset).get(0);

        assertThat(snapshot.files()).extracting(SnapshotFile::relativePath, SnapshotFile::split)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dataset.csv", "train"),
                        org.assertj.core.groups.Tuple.tuple("holdout.csv", "test"));
    }

    @Test
    void producerMetadataIsReadFromProvenanceJsonAndIsNotData() throws IOException {
        write(temp.resolve("s1/data.csv"), "id\n1\n");
        write(temp.resolve("s1/provenance.json"), "{\"producer\": \"export-job\", \"commit\": \"abc123\"}");

        Snapshot snapshot = discovery.discover(folders("t", temp, "**", null)).get(0);

        assertThat(snapshot.files()).extracting(SnapshotFile::relativePath).containsExactly("data.csv");
        assertThat(snapshot.provenance().producer()).containsEntry("producer", "export-job").containsEntry("commit", "abc123");
    }

    @Test
    void aMissingSourceFolderIsAClearError() {
        Path missing = temp.resolve("nowhere");

        assertThatThrownBy(() -> discovery.discover(folders("t", missing, "**", null)))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("expected a folder of snapshots at " + missing + " but found none");
    }

    @Test
    void aMissingSnapshotIsAClearError() {
        Path missing = temp.resolve("s9");

        assertThatThrownBy(() -> discovery.snapshotAt(folders("t", temp, "**", null), missing))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("expected a snapshot at " + missing + " but found nothing there");
    }

    static DatasetDefinition byName(DatasetDefinition d) {
        SnapshotLayout l = d.layout();
        return new DatasetDefinition(d.name(), d.source(), new SnapshotLayout(l.kind(), l.glob(), l.settle(), l.readyMarker(),
                SnapshotOrder.NAME), d.format(), d.readOptions(), d.splits(), d.columns(), d.reference(), d.interval(),
                d.maxBadRowShare(), d.vocabulary());
    }

    static DatasetDefinition folders(String name, Path source, String glob, VocabularyDeclaration vocabulary) {
        return new DatasetDefinition(name, source, new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, glob), null,
                null, null, null, null, null, 0.01, vocabulary);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
