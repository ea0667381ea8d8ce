package dev.driftwatch.engine.rule.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code new} check of unseen_tags against a previous snapshot whose profile counts the label exactly (at most
 * 1,000 distinct values) and one whose profile estimates them (1,500 labels, one row each): a label the estimate lacks
 * may have rows there, so it is only possibly new and does not fail. The current snapshot holds c0 .. c9, which both
 * references hold, and brand-new, which neither does.
 */
class NewTagsAgainstEstimatesTest {
    @TempDir
    Path dir;

    /** A CSV of labels c0 .. c{n-1}, one row each, then the given extra labels. */
    private static String labels(int n, String... extra) {
        return "id,label\n" + IntStream.range(0, n).mapToObj(i -> i + ",c" + i).collect(Collectors.joining("\n"))
                + "\n" + IntStream.range(0, extra.length).mapToObj(i -> (n + i) + "," + extra[i])
                .collect(Collectors.joining("\n")) + "\n";
    }

    private RuleResult newCheck(int referenceLabels) {
        var fixture = RuleFixture.csv(dir, """
                files: labels.csv
                columns: {id: id, label: label}
                rules:
                  - {name: tags, kind: unseen_tags, checks: [new]}
                """).snapshot("s1", Map.of("labels.csv", labels(referenceLabels)))
                .snapshot("s2", Map.of("labels.csv", labels(10, "brand-new", "brand-new")));
        return RuleFixture.of(fixture.run("s2", "s1"), "tags").get(0);
    }

    @Test
    void againstExactCountsANewLabelIsNewAndFails() {
        RuleResult result = newCheck(1_000);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(1.0);
        assertThat(result.message()).isEqualTo("1 tag is new since the reference snapshot: brand-new (2); at most 0 allowed.");
    }

    @Test
    void againstEstimatedCountsLabelsTheEstimateLacksAreOnlyPossiblyNewAndPass() {
        // the estimate dropped c0 .. c9 (one row each), which the reference holds: "11 tags are new" would be wrong
        RuleResult result = newCheck(1_500);
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.observed()).isEqualTo(0.0);
        assertThat(result.message()).matches("11 tags are possibly new since the reference snapshot: brand-new \\(2\\), "
                + "c0 \\(1\\), c1 \\(1\\), .* and 1 more; its profile keeps estimated counts of label, so a tag it lacks may "
                + "hold up to [0-9,]+ rows? there, and none is certainly new\\.");
    }
}
