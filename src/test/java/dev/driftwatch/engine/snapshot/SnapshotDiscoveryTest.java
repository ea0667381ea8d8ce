package dev.driftwatch.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.read.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void foldersAreSnapshotsOldestFirstWithStableFingerprints() {
        DatasetDefinition dataset = folders("madewithml", EXAMPLES.resolve("madewithml/snapshots"), "projects.json", null);

        List<Snapshot> first = discovery.discover(dataset);
        List<Snapshot> again = new SnapshotDiscovery(Clock.systemUTC()).discover(dataset);

        assertThat(first).extracting(Snapshot::id).containsExactly(
                "s13_2022-04-18_Made-With-ML_d3491f3", "s15_2022-05-02_Made-With-ML_578e612",
                "s16_2022-05-03_Made-With-ML_5c59a97");
        assertThat(again).extracting(Snapshot::fingerprint)
                .containsExactlyElementsOf(first.stream().map(Snapshot::fingerprint).toList());
        assertThat(first.get(0).files()).extracting(SnapshotFile::relativePath).containsExactly("projects.json");
        assertThat(first.get(0).provenance().bytes()).isEqualTo(448_984);
        assertThat(first.get(0).fingerprint()).matches("[0-9a-f]{64}");
        assertThat(first.get(0).provenance().discoveredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void aVocabularyShippedInTheSnapshotIsPartOfItsContent() {
        // s15 and s16 hold the same projects.json (git blob e57d46b); only tags.json differs.
        Path source = EXAMPLES.resolve("madewithml/snapshots");
        var withoutVocabulary = discovery.discover(folders("madewithml", source, "projects.json", null));
        var withVocabulary = discovery.discover(folders("madewithml", source, "projects.json",
                new VocabularyDeclaration(null, "tags.json", null, 0)));

        assertThat(withoutVocabulary.get(1).fingerprint()).isEqualTo(withoutVocabulary.get(2).fingerprint());
        assertThat(withVocabulary.get(1).fingerprint()).isNotEqualTo(withVocabulary.get(2).fingerprint());
    }

    @Test
    void theSameBytesUnderAnotherNameAreTheSameSnapshotAndAChangedByteIsNot() throws IOException {
        write(temp.resolve("a/data.csv"), "x,y\n1,2\n");
        write(temp.resolve("b/data.csv"), "x,y\n1,2\n");
        write(temp.resolve("c/data.csv"), "x,y\n1,3\n");

        List<Snapshot> snapshots = discovery.discover(folders("t", temp, "*.csv", null));

        assertThat(snapshots.get(0).fingerprint()).isEqualTo(snapshots.get(1).fingerprint());
        assertThat(snapshots.get(2).fingerprint()).isNotEqualTo(snapshots.get(0).fingerprint());
    }

    @Test
    void filesMatchingThePatternAreSnapshotsAndOthersAreIgnored() {
        var dataset = new DatasetDefinition("pima", EXAMPLES.resolve("pima/snapshots"),
                new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "pima-0[12].csv"), null, null, null, null, null, null,
                0.01, null);

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

    private static DatasetDefinition folders(String name, Path source, String glob, VocabularyDeclaration vocabulary) {
        return new DatasetDefinition(name, source, new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, glob), null,
                null, null, null, null, null, 0.01, vocabulary);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
