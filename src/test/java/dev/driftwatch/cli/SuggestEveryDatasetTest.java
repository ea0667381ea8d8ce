package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code suggest} on every shipped example snapshot and every real dataset of ../shared/datasets usable as a
 * snapshot: its output loads with the project's own rules loader, {@code validate} passes, and {@code check} of the
 * same snapshot with it exits 0 with no rule failing or in error (warnings included).
 */
class SuggestEveryDatasetTest {
    private static final String ADULT_HEADER = "age,workclass,fnlwgt,education,education-num,marital-status,occupation,"
            + "relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country,income";
    private static final String PIMA_HEADER = "Pregnancies,Glucose,BloodPressure,SkinThickness,Insulin,BMI,"
            + "DiabetesPedigreeFunction,Age,Outcome";

    @TempDir
    Path dir;

    static Stream<Arguments> snapshots() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String pima : List.of("pima-01.csv", "pima-02.csv", "pima-03.csv")) {
            cases.add(Arguments.of("example " + pima, List.of("--snapshot", "src/examples/pima/snapshots/" + pima)));
        }
        try (Stream<Path> folders = Files.list(Path.of("src/examples/madewithml/snapshots"))) {
            folders.sorted().forEach(f -> cases.add(Arguments.of("example " + f.getFileName(),
                    List.of("--snapshot", f.toString(), "--files", "projects.json"))));
        }
        try (Stream<Path> folders = Files.list(Path.of("src/examples/madewithml-split/snapshots"))) {
            folders.sorted().forEach(f -> cases.add(Arguments.of("example split " + f.getFileName(), List.of("--snapshot", f.toString()))));
        }
        for (String titanic : List.of("train.csv", "test.csv", "titanic.csv")) {
            cases.add(Arguments.of("titanic " + titanic, List.of("--snapshot", SharedDatasets.resolve("titanic/" + titanic).toString())));
        }
        cases.add(Arguments.of("pima diabetes.csv", List.of("--snapshot", SharedDatasets.resolve("pima-diabetes/diabetes.csv").toString())));
        cases.add(Arguments.of("pima without header", List.of("--snapshot",
                SharedDatasets.resolve("pima-diabetes/pima-indians-diabetes.csv").toString(), "--header", PIMA_HEADER)));
        for (String adult : List.of("adult.data", "adult-test.csv")) {
            cases.add(Arguments.of("uci adult " + adult, List.of("--snapshot", SharedDatasets.resolve("uci-adult/" + adult).toString(),
                    "--format", "csv", "--trim-values", "--header", ADULT_HEADER)));
        }
        try (Stream<Path> folders = Files.list(SharedDatasets.resolve("madewithml/snapshots"))) {
            folders.sorted().forEach(f -> cases.add(Arguments.of("made with ml " + f.getFileName(),
                    List.of("--snapshot", f.toString(), "--files", madeWithMlDataFiles(f)))));
        }
        return cases.stream();
    }

    /** The labelled projects of a snapshot, whichever file holds them at that commit (see its PROVENANCE.md). */
    private static String madeWithMlDataFiles(Path snapshot) {
        Path data = snapshot.resolve("datasets");
        if (Files.exists(data.resolve("projects.json"))) {
            return "datasets/projects.json";
        }
        if (Files.exists(data.resolve("labeled_projects.csv"))) {
            return "datasets/labeled_projects.csv";
        }
        return Files.exists(data.resolve("dataset.csv")) ? "datasets/{dataset,holdout}.csv" : "datasets/projects.csv";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshots")
    void theSuggestedRulesValidateAndTheSameSnapshotPassesThem(String name, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("suggest"));
        args.addAll(options);
        CommandRun suggest = CommandRun.of(args.toArray(String[]::new));
        assertThat(suggest.exitCode()).as(suggest.err()).isZero();
        assertThat(suggest.err()).isEmpty();
        Path rules = dir.resolve("suggested.yaml");
        Files.writeString(rules, suggest.out());

        new RulesFileLoader().load(rules);
        CommandRun validate = CommandRun.of("validate", rules.toString());
        String snapshot = options.get(options.indexOf("--snapshot") + 1);
        CommandRun check = CommandRun.of("check", "--rules", rules.toString(), "--snapshot", snapshot);

        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(check.exitCode()).as(check.out() + check.err() + "\n" + suggest.out()).isZero();
        assertThat(check.out()).as(check.out()).doesNotContainPattern("(?m)^(FAIL|ERROR|WARN) ")
                .containsPattern("(?m)^PASSED: every error-severity rule passed\\.( \\d result\\(s\\) skipped: nothing to compare with yet\\.)?$");
    }
}
