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
        assertThat(file.dataset().columns().inputs()).as("no word statistics: pandas computes none").isEmpty();
        assertThat(file.dataset().columns().text()).isEmpty();
    }

    @Test
    void likeDeequAsksForWhatDeequBenchComputes() {
        RulesFile file = new RulesFileLoader().load(Path.of("src/test/resources/bench/like-deequ.yaml"));
        assertThat(file.rules()).extracting(Rule::kind).containsExactly("missing_values", "duplicate_rows");
        assertThat(file.dataset().columns().id()).isEqualTo("id");
        assertThat(file.dataset().columns().inputs()).as("no word statistics: Deequ's profile computes none").isEmpty();
        assertThat(file.dataset().columns().text()).isEmpty();
    }
}
