package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testing.SharedDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftwatch check} on the real UCI Adult files, which have no header row: the rules file's
 * {@code header:} and {@code trim_values:} carry through to the gate. Figures from
 * ../shared/datasets/uci-adult/PROVENANCE.md (counted independently).
 */
class HeaderlessCheckTest {
    private static final String RULES = "src/test/resources/adult-real/adult.yaml";

    @TempDir
    Path dir;

    @Test
    void theTestLabelsWithAFullStopBlockTheGate() {
        CommandRun run = CommandRun.of("check", "--rules", RULES, "--snapshot", SharedDatasets.resolve("uci-adult").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("Dataset adult-real, snapshot uci-adult (48,842 rows; ")
                .contains("; test 16,281").contains("; train 32,561")
                // awk 'END {print NR}': adult.data 32,562, adult-test.csv 16,282 (each ends in a blank line)
                .contains("\nRead 48,844 lines: 48,842 rows read, 0 rejected\n")
                .doesNotContain("could not be read")
                .contains("FAIL  error unknowns: workclass: 1,836 of 32,561 (5.6%) values missing in train (1,836 '?')")
                .contains("FAIL  error labels-unseen-in-train: 2 tags are new since split train: <=50K. (12,435), >50K. (3,846)")
                .contains("FAIL  error new-categories: native-country in test: 1 value of split train is gone, held by 1 of"
                        + " 32,561 (0.0%) rows: Holand-Netherlands (1)")
                .contains("FAIL  error new-categories: income in test: 2 values are new since split train")
                .contains("WARN  warn  duplicate-rows: 24 of 32,561 (0.1%) rows of train repeat an earlier row")
                .endsWith("error-severity result(s) did not pass.\n");
    }

    @Test
    void aHeaderOfTheWrongLengthMakesEveryRowUnreadableAndSaysWhy() throws Exception {
        Path rules = dir.resolve("adult-short-header.yaml");
        Files.writeString(rules, """
                dataset: adult-short
                source: %s
                files: "{adult.data,adult-test.csv}"
                format: csv
                header: [age, workclass, fnlwgt, education, education-num, marital-status, occupation, relationship,
                         race, sex, capital-gain, capital-loss, hours-per-week, native-country]
                trim_values: true
                rules:
                  - {name: rows, kind: row_count, min: 1}
                """.formatted(SharedDatasets.resolve("")));

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", SharedDatasets.resolve("uci-adult").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("driftwatch: bad snapshot: 48842 of 48842 rows of snapshot uci-adult could not be read")
                .endsWith("first problem: adult-test.csv:1: expected 14 fields, one per name of header: in the rules file,"
                        + " but found 15\n");
    }

    @Test
    void aHeaderThatIsNotAListIsABadRulesFileWithLineAndKey() throws Exception {
        Path rules = dir.resolve("adult-bad-header.yaml");
        Files.writeString(rules, Files.readString(Path.of(RULES))
                .replaceFirst("header: \\[[^]]*]", "header: 5")
                .replace("source: ../../../../../shared/datasets", "source: " + SharedDatasets.resolve("")));

        CommandRun run = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", SharedDatasets.resolve("uci-adult").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("driftwatch: bad rules file: " + rules
                + ":9: header: expected a list of column names, such as [age, workclass], but found 5\n");
    }
}
