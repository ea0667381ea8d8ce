package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.testing.CsvTable;
import dev.driftwatch.testing.SharedDatasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tabular} preset, with nothing but roles declared, passes clean real tables (Kaggle Titanic, Pima, UCI
 * Adult without its one conflicting pair) checked against themselves, and catches what is injected into a copy:
 * a rise of missing values and a conflicting label block; a new category and shifted numbers warn. Counts are
 * recounted here with plain Java ({@link CsvTable}).
 */
class PresetsFitRealDataTest {
    private static final String ADULT_HEADER = "[age, workclass, fnlwgt, education, education-num, marital-status, occupation,"
            + " relationship, race, sex, capital-gain, capital-loss, hours-per-week, native-country, income]";

    @TempDir
    Path dir;

    private Path rules(String name, String body) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, "dataset: " + name + "\nsource: " + dir + "\nlayout: file_per_snapshot\nfiles: \"*\"\n"
                + body + "presets: [tabular]\n");
        return file;
    }

    private Path titanicRules() throws Exception {
        return rules("titanic", "columns:\n  id: PassengerId\n  label: Survived\n  numeric: [Age, Fare]\n"
                + "  categorical: [Pclass, Sex, SibSp, Parch, Embarked]\n  text: [Name]\n");
    }

    private Path write(CsvTable table, String name) throws Exception {
        Path file = dir.resolve("data").resolve(name);
        Files.createDirectories(file.getParent());
        table.write(file);
        return file;
    }

    private static CommandRun check(Path rules, Path snapshot, Path reference) {
        return CommandRun.of("check", "--rules", rules.toString(), "--snapshot", snapshot.toString(), "--reference", reference.toString());
    }

    @Test
    void cleanTitanicAndPimaPassAgainstThemselves() throws Exception {
        Path titanic = write(CsvTable.read(SharedDatasets.resolve("titanic/train.csv")), "train.csv");
        Path pima = write(CsvTable.read(SharedDatasets.resolve("pima-diabetes/diabetes.csv")), "diabetes.csv");
        Path pimaRules = rules("pima", "columns:\n  label: Outcome\n  numeric: [Pregnancies, Glucose, BloodPressure,"
                + " SkinThickness, Insulin, BMI, DiabetesPedigreeFunction, Age]\n");

        CommandRun titanicRun = check(titanicRules(), titanic, titanic);
        CommandRun pimaRun = check(pimaRules, pima, pima);

        assertThat(titanicRun.exitCode()).as(titanicRun.out() + titanicRun.err()).isZero();
        assertThat(titanicRun.out()).doesNotContainPattern("(?m)^(FAIL|ERROR) ")
                .contains("WARN  warn  types: Ticket in all holds integer values, but 230 of 891 (25.8%) do not fit");
        assertThat(pimaRun.exitCode()).as(pimaRun.out() + pimaRun.err()).isZero();
        assertThat(pimaRun.out()).doesNotContainPattern("(?m)^(FAIL|ERROR) ");
    }

    @Test
    void titanicDefectsAreCaught() throws Exception {
        CsvTable clean = CsvTable.read(SharedDatasets.resolve("titanic/train.csv"));
        Path reference = write(clean, "reference.csv");
        Path rules = titanicRules();

        CsvTable missing = clean.copy();
        int age = missing.index("Age");
        missing.rows().stream().filter(r -> !r.get(age).isEmpty()).limit(100).forEach(r -> r.set(age, ""));
        CsvTable conflict = clean.copy();
        List<String> twin = new ArrayList<>(conflict.rows().get(0));
        twin.set(conflict.index("PassengerId"), "9999");
        twin.set(conflict.index("Survived"), twin.get(conflict.index("Survived")).equals("0") ? "1" : "0");
        conflict.rows().add(twin);
        CsvTable port = clean.copy();
        for (int i = 0; i < 5; i++) {
            port.rows().get(i * 100).set(port.index("Embarked"), "X");
        }
        CsvTable fares = clean.copy();
        int fare = fares.index("Fare");
        fares.rows().forEach(r -> r.set(fare, String.valueOf(Double.parseDouble(r.get(fare)) * 1.5 + 20)));

        CommandRun missingRun = check(rules, write(missing, "missing.csv"), reference);
        CommandRun conflictRun = check(rules, write(conflict, "conflict.csv"), reference);
        CommandRun portRun = check(rules, write(port, "port.csv"), reference);
        CommandRun faresRun = check(rules, write(fares, "fares.csv"), reference);

        long before = clean.count("Age", String::isEmpty);
        long after = missing.count("Age", String::isEmpty);
        assertThat(after - before).isEqualTo(100);
        assertThat(missingRun.exitCode()).isEqualTo(1);
        assertThat(missingRun.out()).contains(String.format("FAIL  error missing-values: Age: %d of 891 (%.1f%%) values missing in all",
                after, 100.0 * after / 891));
        assertThat(conflictRun.exitCode()).isEqualTo(1);
        assertThat(conflictRun.out()).contains("FAIL  error conflicting-labels: 1 group of rows (2 rows of " + conflict.rows().size() + ")");
        assertThat(portRun.exitCode()).isZero();
        assertThat(portRun.out()).contains("WARN  warn  new-categories: Embarked in all: 1 value is new since split all of the "
                + "reference snapshot, held by " + port.count("Embarked", "X"::equals) + " of 891 (0.6%) rows: X (5)");
        assertThat(faresRun.exitCode()).isZero();
        assertThat(faresRun.out()).containsPattern("WARN  warn  drift: Fare in all.*").containsPattern("PASS  warn  drift: Age in all.*");
    }

    @Test
    void adultPassesOnceItsOneRealConflictingPairIsRemoved() throws Exception {
        List<String> lines = Files.readAllLines(SharedDatasets.resolve("uci-adult/adult.data"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).toList();
        Map<List<String>, Set<String>> labels = new HashMap<>();
        for (String line : lines) {
            List<String> fields = Arrays.asList(line.split(", "));
            labels.computeIfAbsent(fields.subList(0, 14), k -> new HashSet<>()).add(fields.get(14));
        }
        Set<List<String>> conflicting = new HashSet<>();
        labels.forEach((features, seen) -> {
            if (seen.size() > 1) {
                conflicting.add(features);
            }
        });
        Path raw = dir.resolve("data/adult.data");
        Files.createDirectories(raw.getParent());
        Files.write(raw, lines);
        Path clean = dir.resolve("data/adult-clean.data");
        Files.write(clean, lines.stream().filter(l -> !conflicting.contains(Arrays.asList(l.split(", ")).subList(0, 14))).toList());
        Path rules = rules("adult", "format: csv\nheader: " + ADULT_HEADER + "\ntrim_values: true\ncolumns:\n  label: income\n"
                + "  numeric: [age, fnlwgt, education-num, capital-gain, capital-loss, hours-per-week]\n"
                + "  categorical: [workclass, education, marital-status, occupation, relationship, race, sex, native-country]\n"
                + "  missing_tokens: {\"*\": [\"?\"]}\n");

        CommandRun rawRun = check(rules, raw, raw);
        CommandRun cleanRun = check(rules, clean, clean);

        assertThat(conflicting).hasSize(1);
        assertThat(rawRun.exitCode()).isEqualTo(1);
        assertThat(rawRun.out()).contains(String.format("FAIL  error conflicting-labels: 1 group of rows (2 rows of %,d)", lines.size()));
        assertThat(cleanRun.exitCode()).as(cleanRun.out() + cleanRun.err()).isZero();
        assertThat(cleanRun.out()).doesNotContainPattern("(?m)^(FAIL|ERROR) ");
    }
}
