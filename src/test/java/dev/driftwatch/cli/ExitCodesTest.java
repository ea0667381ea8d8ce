package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testing.SharedDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Exit 2 means bad input, bad rules, or a JVM that gave up, each said in one line; exit 1 stays "a rule failed".
 * The snapshot is a copy of the real Pima file (../shared/datasets/pima-diabetes/diabetes.csv).
 */
class ExitCodesTest {
    /** head -1 diabetes.csv */
    private static final String PIMA_COLUMNS =
            "[Pregnancies, Glucose, BloodPressure, SkinThickness, Insulin, BMI, DiabetesPedigreeFunction, Age, Outcome]";
    private static final String RULES = """
            dataset: pima
            source: data
            layout: file_per_snapshot
            files: "*.csv"
            columns:
              label: %s
              numeric: [Glucose, BMI]
            rules:
              - name: present
                kind: missing_values
                columns: [Glucose, %s]
              - name: drift
                kind: distribution_shift
            """;

    @TempDir
    Path dir;
    private Path data;
    private Path pima;

    @BeforeEach
    void copyPima() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        pima = Files.copy(SharedDatasets.resolve("pima-diabetes/diabetes.csv"), data.resolve("pima.csv"));
    }

    @Test
    void aHeaderOnlyFileIsBadInputWithNoRows() throws Exception {
        Path headerOnly = data.resolve("a.csv");
        Files.writeString(headerOnly, Files.readAllLines(pima).get(0) + "\n");

        CommandRun run = CommandRun.of("check", "--rules", rules("Outcome", "Insulin").toString(), "--snapshot", headerOnly.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("driftwatch: bad snapshot: expected at least one row in snapshot a.csv but found none"
                + " (file a.csv has only a header)\n");
    }

    @Test
    void anEmptyFileIsBadInputWithNoRows() throws Exception {
        Path empty = Files.createFile(data.resolve("b.csv"));

        CommandRun run = CommandRun.of("check", "--rules", rules("Outcome", "Insulin").toString(), "--snapshot", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: bad snapshot: expected at least one row in snapshot b.csv but found none"
                + " (file b.csv is empty)\n");
    }

    @Test
    void aSnapshotWhoseFilesAllHaveOnlyAHeaderNamesEachFile() throws Exception {
        Path snapshot = Files.createDirectories(dir.resolve("split/s1"));
        Files.writeString(snapshot.resolve("train.csv"), Files.readAllLines(pima).get(0) + "\n");
        Files.writeString(snapshot.resolve("test.csv"), Files.readAllLines(pima).get(0) + "\n");
        Path rules = dir.resolve("split.yaml");
        Files.writeString(rules, """
                dataset: pima-split
                source: split
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                rules:
                  - {name: present, kind: missing_values}
                """);

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", snapshot.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: bad snapshot: expected at least one row in snapshot s1 but found none"
                + " (file test.csv has only a header; file train.csv has only a header)\n");
    }

    @Test
    void aRuleColumnTheSnapshotLacksIsARulesErrorAtItsLine() throws Exception {
        Path rules = rules("Outcome", "Insulinn");

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", pima.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("driftwatch: bad rules file: " + rules + ":11: rules[0].columns[1]: expected one of"
                + " the columns of snapshot pima.csv " + PIMA_COLUMNS + " but found 'Insulinn'\n");
    }

    @Test
    void aRoleColumnTheSnapshotLacksIsARulesErrorAtItsLine() throws Exception {
        Path rules = rules("outcome", "Insulin");

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", pima.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: bad rules file: " + rules + ":6: columns.label: expected one of"
                + " the columns of snapshot pima.csv " + PIMA_COLUMNS + " but found 'outcome'\n");
    }

    @Test
    void validateWithASnapshotChecksRolesAndRuleColumnsWithTheSameMessages() throws Exception {
        Path rules = rules("outcome", "Insulinn");

        CommandRun run = CommandRun.of("validate", "--snapshot", pima.toString(), rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(
                rules + ":6: columns.label: expected one of the columns of snapshot pima.csv " + PIMA_COLUMNS
                        + " but found 'outcome'\n"
                        + rules + ":11: rules[0].columns[1]: expected one of the columns of snapshot pima.csv " + PIMA_COLUMNS
                        + " but found 'Insulinn'\n");
        assertThat(CommandRun.of("validate", rules.toString()).exitCode()).as("without a snapshot no header is known")
                .isZero();
    }

    @Test
    void validateWithASnapshotPassesWhenEveryNamedColumnIsThere() throws Exception {
        Path rules = rules("Outcome", "Insulin");

        CommandRun run = CommandRun.of("validate", "--snapshot", pima.toString(), rules.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(rules + ": ok (dataset pima, 2 rules, every named column is in " + pima + ")\n");
    }

    @Test
    void validateWithAHeaderOnlySnapshotSaysNoRows() throws Exception {
        Path headerOnly = data.resolve("a.csv");
        Files.writeString(headerOnly, Files.readAllLines(pima).get(0) + "\n");
        Path rules = rules("Outcome", "Insulin");

        CommandRun run = CommandRun.of("validate", "--snapshot", headerOnly.toString(), rules.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(rules + ": bad snapshot: expected at least one row in snapshot a.csv but found none"
                + " (file a.csv has only a header)\n");
    }

    @Test
    void twoRulesFilesDeclaringOneDatasetAreBothRejectedNamingEachOther() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rules"));
        Path first = folder.resolve("pima.yaml");
        Path second = folder.resolve("pima-copy.yaml");
        Files.writeString(first, "# the first\n" + RULES.formatted("Outcome", "Insulin").replace("source: data", "source: ../data"));
        Files.writeString(second, RULES.formatted("Outcome", "Insulin").replace("source: data", "source: ../data"));
        Path other = folder.resolve("other.yaml");
        Files.writeString(other, "dataset: other\nsource: ../data\nrules:\n  - {name: present, kind: missing_values}\n");

        CommandRun run = CommandRun.of("validate", folder.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(other + ": ok (dataset other, 1 rules)\n");
        assertThat(run.err()).isEqualTo(
                second + ":1: dataset: expected a dataset name no other rules file declares but 'pima' is also declared in "
                        + first + "\n"
                        + first + ":2: dataset: expected a dataset name no other rules file declares but 'pima' is also declared in "
                        + second + "\n");
    }

    @Test
    void anOutOfMemoryErrorIsExitTwoWithOneLineAndNoStackTrace() throws Exception {
        Clock outOfMemory = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof CheckCommand check) {
                    check.clock = outOfMemory;
                }
                return made;
            }
        };

        CommandRun run = CommandRun.of(DriftwatchCommand.commandLine(factory), "check", "--rules",
                rules("Outcome", "Insulin").toString(), "--snapshot", pima.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: out of memory while evaluating snapshot pima.csv (Java heap space);"
                + " raise the heap limit, for example java -Xmx4g -jar driftwatch.jar ..., or split the snapshot into"
                + " smaller files\n");
    }

    @Test
    void anyOtherErrorOfAnyCommandIsExitTwoWithOneLine() {
        CommandLine commandLine = DriftwatchCommand.commandLine().addSubcommand(new Overflowing());

        CommandRun run = CommandRun.of(commandLine, "overflow");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: internal error while running overflow: java.lang.StackOverflowError;"
                + " please report it with the command line and the rules file\n");
    }

    @CommandLine.Command(name = "overflow")
    static final class Overflowing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new StackOverflowError();
        }
    }

    private Path rules(String label, String secondColumn) throws Exception {
        Path rules = dir.resolve("pima.yaml");
        Files.writeString(rules, RULES.formatted(label, secondColumn));
        return rules;
    }
}
