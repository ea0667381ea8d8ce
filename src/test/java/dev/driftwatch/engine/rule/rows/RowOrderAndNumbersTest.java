package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conflicting-label row counts do not depend on row order, and normalisation applies to text only: numbers
 * compare as numbers in conflicting_labels and split_leakage. Expected figures are counted in the test from the
 * rows it writes.
 */
class RowOrderAndNumbersTest {
    private static final String TEXT = "i feel it in my bones";

    @TempDir
    Path dir;

    /** Every order of joy x3 and sadness x2 (the 10 places of the two sadness rows among five). */
    static Stream<Arguments> orders() {
        List<Arguments> orders = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                List<String> labels = new ArrayList<>(List.of("joy", "joy", "joy", "joy", "joy"));
                labels.set(a, "sadness");
                labels.set(b, "sadness");
                orders.add(Arguments.of(labels));
            }
        }
        return orders.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void aConflictingGroupCountsAllItsRowsWhateverTheirOrder(List<String> labels) {
        StringBuilder rows = new StringBuilder("id,text,label\n");
        rows.append("0,another text,joy\n");
        for (int i = 0; i < labels.size(); i++) {
            // each copy written differently, as the tweet corpora do: case, punctuation, spaces
            rows.append(i + 1).append(',').append(i % 2 == 0 ? TEXT : "\" I feel it, in my bones! \"").append(',')
                    .append(labels.get(i)).append('\n');
        }
        rows.append("9,a third text,sadness\n");
        long inGroup = labels.size();
        long total = labels.size() + 2;
        var fixture = RuleFixture.csv(dir, "columns: {id: id, inputs: [text], label: label}\n"
                        + "rules:\n  - {name: c, kind: conflicting_labels}\n")
                .snapshot("s1", Map.of("data.csv", rows.toString()));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "c").get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).isEqualTo("1 group of rows (" + inGroup + " rows of " + total + ") have the same text"
                + " after normalising case, whitespace, punctuation and Unicode form but disagree on label; at most 0 allowed.");
    }

    @Test
    void numbersAreNotTextToNormalise() {
        // x is one number per row: 1.5 and 15 differ, 1.50 and 1.5 are one number, so are -0 and 0.0
        var fixture = RuleFixture.csv(dir, "columns: {inputs: [x], label: y}\nrules:\n  - {name: c, kind: conflicting_labels}\n")
                .snapshot("s1", Map.of("data.csv", "x,y\n1.5,a\n15,b\n1.50,c\n-0,a\n0.0,b\n7,a\n"));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "c").get(0);
        assertThat(result.message()).startsWith("2 groups of rows (4 rows of 6) have the same x");
        assertThat(result.evidence()).extracting(e -> e.values().get("y")).containsExactlyInAnyOrder("a", "c", "a", "b");
    }

    @Test
    void leakageComparesNumericInputsAsNumbers() {
        var fixture = RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                columns: {inputs: [x, z]}
                rules:
                  - {name: leak, kind: split_leakage, modes: [exact, normalised]}
                """).snapshot("s1", Map.of("train.csv", "x,z\n1.5,Ab\n2,c d\n3,e\n",
                "test.csv", "x,z\n15,Ab\n2.0,C D!\n3,e\n4,f\n"));
        // test rows in train: exact "3,e" only (1 of 4); normalised also "2.0,C D!" = "2,c d"; never "15" = "1.5"
        assertThat(RuleFixture.of(fixture.run("s1"), "leak")).extracting(RuleResult::column, RuleResult::observed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("exact", 0.25), org.assertj.core.groups.Tuple.tuple("normalised", 0.5));
    }
}
