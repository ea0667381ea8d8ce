package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {
    private static final Path PIMA_01 = Path.of("src/examples/pima/snapshots/pima-01.csv");

    @TempDir
    Path dir;

    @Test
    void aSnapshotIsProfiledIntoAnHtmlReportWithoutAnyRulesFile() throws Exception {
        Path html = dir.resolve("out/report.html");

        CommandRun run = CommandRun.of("profile", "--snapshot", PIMA_01.toString(), "--html", html.toString());

        List<String> lines = Files.readAllLines(PIMA_01);
        long rows = lines.size() - 1;   // a plain recount: every line but the header is a row
        long insulinZeros = lines.stream().skip(1).map(line -> line.split(",")[4]).filter("0"::equals).count();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Dataset pima-01, snapshot pima-01.csv: " + rows + " rows\n")
                .contains("Wrote " + html);
        String page = Files.readString(html);
        assertThat(page).contains("<h2>Missing values</h2>").contains("<h2>Numeric columns</h2>").contains("<svg");
        assertThat(insulinZeros).as("Insulin zeros are values, not missing, without a rules file").isPositive();
        assertThat(run.out()).containsPattern("Insulin +integer +0 missing");
    }

    @Test
    void aRulesFileLendsItsRolesAndMissingTokensButNoRuleIsJudged() throws Exception {
        Path json = dir.resolve("run.json");

        CommandRun run = CommandRun.of("profile", "--snapshot", PIMA_01.toString(), "--rules", "rules/pima.yaml",
                "--json", json.toString());

        long insulinZeros = Files.readAllLines(PIMA_01).stream().skip(1).map(line -> line.split(",")[4])
                .filter("0"::equals).count();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Insulin +integer +" + insulinZeros + " missing");
        assertThat(Files.readString(json)).containsPattern("\"results\" : \\[ *\\]");
    }

    @Test
    void aMissingSnapshotExitsTwoWithTheReason() {
        CommandRun run = CommandRun.of("profile", "--snapshot", dir.resolve("absent.csv").toString(), "--html", "x.html");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: bad snapshot: expected a snapshot at " + dir.resolve("absent.csv")
                + " but found nothing there\n");
    }

    @Test
    void aFileWhoseNameDoesNotTellItsFormatNeedsFormat() throws Exception {
        Path data = dir.resolve("table.data");
        Files.writeString(data, "a,b\n1,x\n2,y\n");

        CommandRun without = CommandRun.of("profile", "--snapshot", data.toString());
        CommandRun with = CommandRun.of("profile", "--snapshot", data.toString(), "--format", "csv");

        assertThat(without.exitCode()).isEqualTo(2);
        assertThat(without.err()).contains("expected a file ending in .csv, .tsv, .json or .jsonl (optionally .gz), or .parquet, but found table.data");
        assertThat(with.exitCode()).as(with.err()).isZero();
        assertThat(with.out()).startsWith("Dataset table, snapshot table.data: 2 rows\n");
    }
}
