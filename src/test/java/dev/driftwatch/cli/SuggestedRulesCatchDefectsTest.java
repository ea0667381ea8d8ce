package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testing.CsvTable;
import dev.driftwatch.testing.SharedDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules {@code suggest} writes for the real Kaggle Titanic train.csv catch defects injected into a copy of it:
 * more missing values, a conflicting label, a new category, a shifted numeric column. Every expected count is
 * recounted here from the changed file ({@link CsvTable}), not taken from the tool.
 */
class SuggestedRulesCatchDefectsTest {
    @TempDir
    Path dir;

    private Path rules;
    private Path clean;
    private CsvTable table;

    @BeforeEach
    void suggestFromTheCleanFile() throws Exception {
        Path original = SharedDatasets.resolve("titanic/train.csv");
        table = CsvTable.read(original);
        clean = dir.resolve("clean/train.csv");
        Files.createDirectories(clean.getParent());
        table.write(clean);
        CommandRun suggest = CommandRun.of("suggest", "--snapshot", clean.toString(), "--name", "titanic");
        assertThat(suggest.exitCode()).as(suggest.err()).isZero();
        rules = dir.resolve("titanic.yaml");
        Files.writeString(rules, suggest.out());
        assertThat(CommandRun.of("check", "--rules", rules.toString(), "--snapshot", clean.toString()).exitCode()).isZero();
    }

    @Test
    void moreMissingAgesFailTheMissingAgeRule() throws Exception {
        CsvTable changed = table.copy();
        int age = changed.index("Age");
        int blanked = 0;
        for (List<String> row : changed.rows()) {
            if (!row.get(age).isEmpty() && blanked < 100) {
                row.set(age, "");
                blanked++;
            }
        }
        CommandRun check = check(changed, null);

        long missing = changed.count("Age", String::isEmpty);
        assertThat(missing).isEqualTo(177 + 100);   // 177 empty ages in train.csv (PROVENANCE.md), and the 100 blanked
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains(String.format(Locale.ROOT, "FAIL  error missing-age: Age: %d of %d (%.1f%%)",
                missing, changed.rows().size(), 100.0 * missing / changed.rows().size()));
    }

    @Test
    void aRowRepeatedWithTheOtherLabelFailsTheConflictRule() throws Exception {
        CsvTable changed = table.copy();
        List<String> twin = new ArrayList<>(changed.rows().get(0));
        twin.set(changed.index("PassengerId"), "9999");
        twin.set(changed.index("Survived"), twin.get(changed.index("Survived")).equals("0") ? "1" : "0");
        changed.rows().add(twin);

        CommandRun check = check(changed, null);

        assertThat(conflictGroups(changed)).isEqualTo(1);
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.out()).contains("FAIL  error conflicting-labels: 1 group of rows (2 rows of " + changed.rows().size() + ")");
    }

    @Test
    void aPortNeverSeenBeforeIsReportedAsANewCategory() throws Exception {
        CsvTable changed = table.copy();
        int embarked = changed.index("Embarked");
        for (int i = 0; i < 5; i++) {
            changed.rows().get(i * 100).set(embarked, "X");
        }

        CommandRun check = check(changed, clean);

        long x = changed.count("Embarked", "X"::equals);
        assertThat(x).isEqualTo(5);
        assertThat(check.exitCode()).as("a new category warns; it does not block").isZero();
        assertThat(check.out()).contains("WARN  warn  new-categories: Embarked in all: 1 value is new since split all of the "
                + "reference snapshot, held by " + x + " of " + changed.rows().size() + " (0.6%) rows: X (" + x + ")");
    }

    @Test
    void faresShiftedUpwardsAreReportedAsDriftWhileAgesAreNot() throws Exception {
        CsvTable changed = table.copy();
        int fare = changed.index("Fare");
        for (List<String> row : changed.rows()) {
            row.set(fare, String.valueOf(Double.parseDouble(row.get(fare)) * 1.5 + 20));
        }

        CommandRun check = check(changed, clean);

        assertThat(check.out()).containsPattern("WARN  warn  drift: Fare in all.*")
                .containsPattern("PASS  warn  drift: Age in all.*");
    }

    private CommandRun check(CsvTable changed, Path reference) throws Exception {
        Path file = dir.resolve("changed/train.csv");
        Files.createDirectories(file.getParent());
        changed.write(file);
        return reference == null
                ? CommandRun.of("check", "--rules", rules.toString(), "--snapshot", file.toString())
                : CommandRun.of("check", "--rules", rules.toString(), "--snapshot", file.toString(), "--reference", reference.toString());
    }

    /** Groups of rows equal in every column but the id and the label (lower case, trimmed) holding more than one label. */
    private static long conflictGroups(CsvTable table) {
        Map<List<String>, Set<String>> labels = new HashMap<>();
        int id = table.index("PassengerId");
        int label = table.index("Survived");
        for (List<String> row : table.rows()) {
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                if (i != id && i != label) {
                    inputs.add(row.get(i).trim().toLowerCase(Locale.ROOT));
                }
            }
            labels.computeIfAbsent(inputs, k -> new HashSet<>()).add(row.get(label));
        }
        return labels.values().stream().filter(set -> set.size() > 1).count();
    }
}
