package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's rules file reads data only under the configured data roots; the command line reads anywhere. */
class DataRootsTest {
    @TempDir
    Path temp;
    private Path root;
    private Path rules;

    @BeforeEach
    void rootWithARulesFolder() throws IOException {
        root = Files.createDirectories(temp.resolve("data"));
        rules = Files.createDirectories(root.resolve("rules"));
    }

    @Test
    void aSourceThatClimbsOutOfTheRootsIsRefusedAtItsLine() throws IOException {
        Path file = Files.writeString(rules.resolve("etc.yaml"), "dataset: etc\nsource: ../../../../../../../../etc\nfiles: passwd\n");

        assertThatThrownBy(() -> loader().load(file)).isInstanceOf(RulesFileException.class)
                .hasMessage(file + ":2: source: expected a folder under the data roots [" + root.toRealPath()
                        + "] (driftwatch.data-roots) but found /etc");
        assertThat(new RulesFileLoader().load(file).dataset().source()).as("the command line").isEqualTo(Path.of("/etc"));
    }

    @Test
    void aSourceThatIsALinkOutOfTheRootsIsRefusedByItsRealPath() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("elsewhere/snapshots"));
        Files.createSymbolicLink(root.resolve("linked"), outside.getParent());
        Path file = Files.writeString(rules.resolve("linked.yaml"), "dataset: linked\nsource: ../linked/snapshots\n");

        assertThatThrownBy(() -> loader().load(file))
                .hasMessage(file + ":2: source: expected a folder under the data roots [" + root.toRealPath()
                        + "] (driftwatch.data-roots) but found " + outside.toRealPath());
    }

    @Test
    void aSourceUnderARootIsAcceptedEvenBeforeItExists() throws IOException {
        Path file = Files.writeString(rules.resolve("later.yaml"), "dataset: later\nsource: ../not-yet/snapshots\n");

        assertThat(loader().load(file).dataset().source()).isEqualTo(root.resolve("not-yet/snapshots"));
    }

    @Test
    void aVocabularyFileOutsideTheRootsIsRefusedToo() throws IOException {
        Path file = Files.writeString(rules.resolve("vocabulary.yaml"),
                "dataset: v\nsource: ../snapshots\nvocabulary:\n  file: /etc/hostname\n");

        assertThatThrownBy(() -> loader().load(file))
                .hasMessage(file + ":4: vocabulary.file: expected a file under the data roots [" + root.toRealPath()
                        + "] (driftwatch.data-roots) but found /etc/hostname");
    }

    private RulesFileLoader loader() {
        return new RulesFileLoader(DataRoots.of(List.of(root)));
    }
}
