package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Rule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The rules files BENCHMARKS.md runs load as its commands give them, with the rules their headers describe. */
class BenchRulesFilesTest {
    @Test
    void likePandasAsksForWhatThePandasScriptComputes() {
        RulesFile file = new RulesFileLoader().load(Path.of("src/test/bench/like-pandas.yaml"));
        assertThat(file.rules()).extracting(Rule::kind).containsExactly("missing_values", "duplicate_rows",
                "conflicting_labels", "split_leakage", "distribution_shift");
        assertThat(file.dataset().columns().id()).as("pandas' duplicated() compares the id too").isNull();
        assertNoWordStatistics(file, "pandas");
    }

    @Test
    void likeDeequAsksForWhatDeequBenchComputes() {
        RulesFile file = new RulesFileLoader().load(Path.of("src/test/resources/bench/like-deequ.yaml"));
        assertThat(file.rules()).extracting(Rule::kind).containsExactly("missing_values", "duplicate_rows");
        assertThat(file.dataset().columns().id()).isEqualTo("id");
        assertNoWordStatistics(file, "Deequ");
    }

    /** Neither peer counts words: a column declared as text or input would give Driftwatch more work than the peer. */
    private static void assertNoWordStatistics(RulesFile file, String peer) {
        assertThat(file.dataset().columns().inputs()).as("no word statistics: " + peer + " computes none").isEmpty();
        assertThat(file.dataset().columns().text()).as("no word statistics: " + peer + " computes none").isEmpty();
    }
}
