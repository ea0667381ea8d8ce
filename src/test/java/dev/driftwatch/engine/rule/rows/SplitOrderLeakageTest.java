package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * split_leakage follows the declared order of splits (train before val before test by default), never the
 * order of file names, and counts a leak against the later (evaluation) split's rows. The expected shares are
 * recounted here: the later split's texts found among the earlier split's, over the later split's rows.
 */
class SplitOrderLeakageTest {
    private static final List<String> TRAIN = IntStream.range(0, 10).mapToObj(i -> "train text " + i).toList();
    private static final List<String> VAL = List.of("train text 1", "val text 1", "val text 2", "val text 3");
    private static final List<String> TEST = List.of("train text 2", "train text 3", "val text 1", "test text 1", "test text 2");

    @TempDir
    Path dir;

    private static String csv(List<String> texts) {
        return "text\n" + String.join("\n", texts) + "\n";
    }

    private static double share(List<String> earlier, List<String> later) {
        Set<String> seen = Set.copyOf(earlier);
        return (double) later.stream().filter(seen::contains).count() / later.size();
    }

    @Test
    void knownSplitNamesGoTrainValTestWhateverTheFileNames() {
        // the file names sort test, train, val
        var fixture = RuleFixture.csv(dir, """
                splits: {by: file, files: {test: a-test.csv, train: b-train.csv, val: c-val.csv}}
                columns: {inputs: [text]}
                rules:
                  - {name: leak, kind: split_leakage, modes: [exact]}
                """).snapshot("s1", Map.of("a-test.csv", csv(TEST), "b-train.csv", csv(TRAIN), "c-val.csv", csv(VAL)));
        List<RuleResult> results = RuleFixture.of(fixture.run("s1"), "leak");
        assertThat(results).extracting(RuleResult::split, RuleResult::observed).containsExactly(
                tuple("val", share(TRAIN, VAL)), tuple("test", share(TRAIN, TEST)), tuple("test", share(VAL, TEST)));
        assertThat(results.get(1).message()).isEqualTo("2 of 5 (40.0%) rows of test also appear in train with exactly the"
                + " same text; at most 0.0% allowed.");
        assertThat(results.get(2).message()).startsWith("1 of 5 (20.0%) rows of test also appear in val");
    }

    @Test
    void aDeclaredOrderSaysWhichSplitIsEvaluated() {
        // "exam" sorts before "fit" by file name; the order says fit is trained on and exam evaluated
        var fixture = RuleFixture.csv(dir, """
                splits:
                  by: file
                  files: {exam: a-exam.csv, fit: z-fit.csv}
                  order: [fit, exam]
                columns: {inputs: [text]}
                rules:
                  - {name: leak, kind: split_leakage, modes: [exact]}
                """).snapshot("s1", Map.of("a-exam.csv", csv(TEST), "z-fit.csv", csv(TRAIN)));
        assertThat(RuleFixture.of(fixture.run("s1"), "leak")).singleElement().satisfies(result -> {
            assertThat(result.split()).isEqualTo("exam");
            assertThat(result.observed()).isEqualTo(share(TRAIN, TEST)).isEqualTo(0.4);
            assertThat(result.message()).startsWith("2 of 5 (40.0%) rows of exam also appear in fit");
        });
    }

    @Test
    void aSplitTheOrderDoesNotPlaceIsAnErrorNotAGuess() {
        var fixture = RuleFixture.csv(dir, """
                splits: {by: file, files: {exam: a-exam.csv, fit: z-fit.csv}}
                columns: {inputs: [text]}
                rules:
                  - {name: leak, kind: split_leakage, modes: [exact]}
                """).snapshot("s1", Map.of("a-exam.csv", csv(TEST), "z-fit.csv", csv(TRAIN)));
        assertThat(RuleFixture.of(fixture.run("s1"), "leak")).extracting(RuleResult::status, RuleResult::split, RuleResult::message)
                .containsExactly(
                        tuple(Status.ERROR, "exam", "expected one of the ordered splits [train, val, validation, test] (known by"
                                + " name) but found split 'exam'; declare splits.order to say which splits are trained and"
                                + " which evaluated on."),
                        tuple(Status.ERROR, "fit", "expected one of the ordered splits [train, val, validation, test] (known by"
                                + " name) but found split 'fit'; declare splits.order to say which splits are trained and"
                                + " which evaluated on."));
    }
}
