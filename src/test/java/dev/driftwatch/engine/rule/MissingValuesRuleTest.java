package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Case table for missing_values: ratio, declared tokens, all missing, and the rise over the reference. */
class MissingValuesRuleTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                // rule options, reference rows, current rows, status, observed, message
                Arguments.of("max_ratio: 0.5", "x\n1\n", "x\n1\n\n2\n", Status.PASS, 0.0,
                        "x: 0 of 2 (0.0%) values missing in all; within the allowed 50.0%."),
                Arguments.of("max_ratio: 0.2, tokens: ['?']", "x\n1\n", "x\n1\n?\n?\n4\n", Status.FAIL, 0.5,
                        "x: 2 of 4 (50.0%) values missing in all (2 '?'); at most 20.0% allowed."),
                Arguments.of("max_ratio: 0.9, tokens: ['?']", "x\n1\n", "x\n?\n?\n", Status.FAIL, 1.0,
                        "x: 2 of 2 (100.0%) values missing in all (2 '?'); at most 90.0% allowed."),
                Arguments.of("max_ratio: 0.5, tokens: ['?'], max_increase: 0.1", "x\n1\n2\n3\n4\n", "x\n1\n2\n?\n4\n",
                        Status.FAIL, 0.25, "x: 1 of 4 (25.0%) values missing in all (1 '?'); up from 0.0% in the reference, a rise of more than 10.0%."),
                Arguments.of("max_ratio: 0.5, tokens: ['?'], max_increase: 0.3", "x\n1\n2\n3\n4\n", "x\n1\n2\n?\n4\n",
                        Status.PASS, 0.25, "x: 1 of 4 (25.0%) values missing in all (1 '?'); within the allowed 50.0%."),
                // the reference profile does not count the rule's token; its exact value counts say 1 '?' of 4
                Arguments.of("max_ratio: 0.9, tokens: ['?'], max_increase: 0.1", "x\n?\n2\n3\n4\n", "x\n?\n?\n3\n4\n",
                        Status.FAIL, 0.25, "x: 2 of 4 (50.0%) values missing in all (2 '?'); up from 25.0% in the reference, a rise of more than 10.0%."),
                Arguments.of("max_ratio: 0.9, tokens: ['?'], max_increase: 0.3", "x\n?\n2\n3\n4\n", "x\n?\n?\n3\n4\n",
                        Status.PASS, 0.5, "x: 2 of 4 (50.0%) values missing in all (2 '?'); within the allowed 90.0%."));
    }

    @Test
    void aRiseThatTheReferenceProfileCannotCountIsAnErrorThatSaysWhy() {
        // a text column keeps no value counts, so the reference cannot tell how many of its values were '?'
        var fixture = RuleFixture.csv(dir, "columns: {text: [x]}\nrules:\n"
                        + "  - {name: m, kind: missing_values, columns: [x], tokens: ['?'], max_ratio: 0.9, max_increase: 0.1}\n")
                .snapshot("s1", Map.of("data.csv", "x\n?\nsome words\n")).snapshot("s2", Map.of("data.csv", "x\n?\nwords\nmore words\n"));
        assertThat(RuleFixture.of(fixture.run("s2", "s1"), "m")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.message()).isEqualTo("expected the reference profile to count the values '?' of x to judge"
                    + " max_increase but it keeps no exact value counts for that column; declare the token under"
                    + " columns.missing_tokens to count it in every profile.");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void missingValuesJudgesTheRatioAndItsRise(String options, String reference, String current, Status status,
                                               double observed, String message) {
        var fixture = RuleFixture.csv(dir, "rules:\n  - {name: m, kind: missing_values, columns: [x], " + options + "}\n")
                .snapshot("s1", Map.of("data.csv", reference)).snapshot("s2", Map.of("data.csv", current));
        List<RuleResult> results = RuleFixture.of(fixture.run("s2", "s1"), "m");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.observed()).isEqualTo(observed);
            assertThat(r.message()).isEqualTo(message);
        });
    }
}
