package dev.driftwatch.engine.snapshot;

import static dev.driftwatch.engine.snapshot.SnapshotDiscoveryTest.folders;
import static dev.driftwatch.engine.snapshot.SnapshotDiscoveryTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service reads only what is really inside a dataset's source folder; a user-named snapshot may be anywhere. */
class SourceConfinementTest {
    private final SnapshotDiscovery discovery = new SnapshotDiscovery(Clock.systemUTC());

    @TempDir
    Path temp;
    private Path source;
    private Path secret;

    @BeforeEach
    void secretOutsideTheSourceFolder() throws IOException {
        source = Files.createDirectories(temp.resolve("data"));
        secret = temp.resolve("secret/passwd.csv");
        write(secret, "user,password\nroot,hunter2\n");
    }

    @Test
    void aSymbolicLinkToAFileOutsideTheSourceFolderIsRefused() throws IOException {
        write(source.resolve("s1.csv"), "id\n1\n");
        Path link = Files.createSymbolicLink(source.resolve("s2.csv"), secret);

        assertThatThrownBy(() -> discovery.discover(files()))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("expected the files of dataset t inside its source folder " + source.toRealPath()
                        + " but found a symbolic link to " + secret.toRealPath() + ": " + link
                        + " (links that lead out of the source folder are not followed)");
    }

    @Test
    void aLinkedSnapshotFolderAFileInsideItAndItsProvenanceAreRefusedWhenTheyLeadOut() throws IOException {
        Files.createSymbolicLink(source.resolve("s1"), secret.getParent());
        assertThatThrownBy(() -> discovery.discover(folders("t", source, "**", null)))
                .hasMessageContaining("but found a symbolic link to " + secret.getParent().toRealPath() + ": " + source.resolve("s1"));

        Files.delete(source.resolve("s1"));
        write(source.resolve("s2/data.csv"), "id\n1\n");
        Files.createSymbolicLink(source.resolve("s2/provenance.json"), secret);
        assertThatThrownBy(() -> discovery.discover(folders("t", source, "**", null)))
                .hasMessageContaining("but found a symbolic link to " + secret.toRealPath() + ": " + source.resolve("s2/provenance.json"));
    }

    @Test
    void aLinkThatStaysInsideTheSourceFolderIsFollowed() throws IOException {
        write(source.resolve("archive/s1.csv"), "id\n1\n");
        Files.createSymbolicLink(source.resolve("s1.csv"), source.resolve("archive/s1.csv"));

        assertThat(discovery.discover(files())).extracting(Snapshot::id).containsExactly("s1.csv");
    }

    @Test
    void theCommandLineReadsTheSnapshotTheUserNamesWhereverItLinks() throws IOException {
        Path link = Files.createSymbolicLink(source.resolve("s1.csv"), secret);

        assertThat(discovery.snapshotAt(files(), link)).isPresent();
    }

    private DatasetDefinition files() {
        return new DatasetDefinition("t", source, new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "*.csv"), null,
                null, null, null, null, null, 0.01, null);
    }
}
