package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SnapshotOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset keys settle:, ready_marker: and order:, and the file:line: key: problem of each mistake in them. */
class SnapshotKeysTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    private SnapshotLayout layout(String yaml) throws IOException {
        Path file = RulesFiles.write(dir, START + yaml);
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
        return new RulesFileLoader().load(file).dataset().layout();
    }

    @Test
    void withoutTheKeysASnapshotSettlesForTenSecondsAndSnapshotsAreInModificationTimeOrder() throws IOException {
        assertThat(layout("")).isEqualTo(new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, "**",
                Duration.ofSeconds(10), null, SnapshotOrder.MODIFIED));
    }

    @Test
    void theKeysReachTheLayout() throws IOException {
        assertThat(layout("settle: 2m\norder: name\n")).isEqualTo(new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT,
                "**", Duration.ofMinutes(2), null, SnapshotOrder.NAME));
        assertThat(layout("files: \"*.parquet.csv\"\nready_marker: _SUCCESS\norder: modified\n")).isEqualTo(
                new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, "*.parquet.csv", Duration.ofSeconds(10),
                        "_SUCCESS", SnapshotOrder.MODIFIED));
    }

    @Test
    void eachMistakeIsReportedAtItsLineAndKey() throws IOException {
        RulesFiles.assertRefused(dir, START + "settle: soon\n",
                "3: settle: expected a duration such as 30s, 5m, 2h or PT30S but found 'soon'");
        RulesFiles.assertRefused(dir, START + "settle: PT-5S\n", "3: settle: expected a duration of zero or more but found 'PT-5S'");
        RulesFiles.assertRefused(dir, START + "layout: folder_per_snapshot\nready_marker: done/_SUCCESS\n",
                "4: ready_marker: expected a file name, such as _SUCCESS, but found 'done/_SUCCESS'");
        RulesFiles.assertRefused(dir, START + "layout: file_per_snapshot\nready_marker: _SUCCESS\n",
                "4: ready_marker: expected layout folder_per_snapshot (the marker is a file inside each snapshot folder) "
                        + "but found file_per_snapshot");
        RulesFiles.assertRefused(dir, START + "ready_marker: _SUCCESS\nsettle: 30s\n",
                "4: settle: expected either settle or ready_marker but found both (with a ready marker, a snapshot is "
                        + "complete as soon as its marker exists)");
        RulesFiles.assertRefused(dir, START + "order: date\n", "3: order: expected modified or name but found 'date'");
    }

    @Test
    void theSchemaKnowsTheKeysToo() throws IOException {
        Path file = RulesFiles.write(dir, START + "settle: soon\norder: date\n");
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage).containsExactly(
                file + ":3: settle: schema: does not match the regex pattern ^(\\s*\\d+\\s*(ms|s|m|h|d)\\s*|P.*)$",
                file + ":4: order: schema: does not have a value in the enumeration [\"modified\", \"name\"]");
    }
}
