package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.app.TestDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --history DIR}: the folder holds the profiles the CLI saved itself ({@code --save-profile DIR}) for
 * the snapshots of {@link RowCountSeries}; the expected ranges are worked out there by hand.
 */
class CheckWithHistoryFolderTest {
    @TempDir
    Path root;

    @Test
    void profilesSavedByEarlierChecksMakeTheHistoryOfTheNext() throws Exception {
        TestDatasets data = new TestDatasets(root);
        Path rules = data.declare("rows", RowCountSeries.RULES);
        Path history = Files.createDirectories(root.resolve("history"));
        for (int i = 1; i <= RowCountSeries.EARLIER.size(); i++) {
            Path snapshot = data.snapshot("rows", RowCountSeries.name(i), RowCountSeries.csv(RowCountSeries.EARLIER.get(i - 1)));
            CommandRun run = check(rules, snapshot, history, "--save-profile", history.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Wrote " + history.resolve(RowCountSeries.name(i) + ".profile"));
            if (i == 5) {
                assertThat(run.out()).contains("SKIPPED error rows-mad: only 4 earlier values of row_count in all; 5 needed.");
            }
        }

        Path jump = data.snapshot("rows", RowCountSeries.name(11), RowCountSeries.csv(RowCountSeries.JUMP));
        CommandRun blocked = check(rules, jump, history);

        assertThat(blocked.exitCode()).as(blocked.out() + blocked.err()).isEqualTo(1);
        assertThat(blocked.out()).contains(RowCountSeries.MAD_FAILS).contains(RowCountSeries.STEP_WARNS);

        Files.writeString(jump, RowCountSeries.csv(RowCountSeries.USUAL));
        CommandRun usual = check(rules, jump, history);
        assertThat(usual.exitCode()).as(usual.out()).isZero();
        assertThat(usual.out()).contains("PASS  error rows-mad").contains("PASS  warn  rows-step");
    }

    @Test
    void aSnapshotIsJudgedOnlyAgainstTheSnapshotsBeforeItAndNeverItself() throws Exception {
        TestDatasets data = new TestDatasets(root);
        Path rules = data.declare("rows", RowCountSeries.RULES);
        Path history = Files.createDirectories(root.resolve("history"));
        for (int i = 1; i <= RowCountSeries.EARLIER.size(); i++) {
            Path snapshot = data.snapshot("rows", RowCountSeries.name(i), RowCountSeries.csv(RowCountSeries.EARLIER.get(i - 1)));
            assertThat(check(rules, snapshot, null, "--save-profile", history.toString()).exitCode()).isZero();
        }

        // s06 (103 rows) sees s01 … s05 only: 100, 102, 98, 101, 99
        CommandRun sixth = check(rules, root.resolve("data/rows").resolve(RowCountSeries.name(6)), history);

        assertThat(sixth.out()).contains("over 5 earlier snapshots").doesNotContain("over 9 earlier", "over 10 earlier");
    }

    @Test
    void aProfileFileThatIsNotAProfileIsABadHistoryNamingTheFile() throws Exception {
        TestDatasets data = new TestDatasets(root);
        Path rules = data.declare("rows", RowCountSeries.RULES);
        Path history = Files.createDirectories(root.resolve("history"));
        Files.writeString(history.resolve("s01.csv.profile"), "not a profile");
        Path snapshot = data.snapshot("rows", RowCountSeries.name(2), RowCountSeries.csv(10));

        CommandRun run = check(rules, snapshot, history);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: no history: expected a profile saved by --save-profile in "
                + history.resolve("s01.csv.profile") + " but it does not start like one\n");
    }

    @Test
    void historyAndServerExcludeEachOther() {
        CommandRun run = CommandRun.of("check", "--rules", "r.yaml", "--snapshot", "s.csv", "--history", "h",
                "--server", "http://127.0.0.1:1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--history=DIR, --server=URL are mutually exclusive");
    }

    private static CommandRun check(Path rules, Path snapshot, Path history, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", "--rules", rules.toString(),
                "--snapshot", snapshot.toString()));
        if (history != null) {
            args.addAll(java.util.List.of("--history", history.toString()));
        }
        args.addAll(java.util.List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
