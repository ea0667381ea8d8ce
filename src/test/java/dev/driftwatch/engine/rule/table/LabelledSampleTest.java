package dev.driftwatch.engine.rule.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.Evidence;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** target_leakage's sample: parts merge to the first rows of both in snapshot order, whatever their columns' order. */
class LabelledSampleTest {
    private static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::source).thenComparingLong(Evidence::line);

    @Test
    void partsMergeToTheFirstRowsOfTheSnapshot() {
        // 12 rows, a capped sample of 6: the whole keeps lines 1-6; parts of even and odd lines (the second file
        // with its columns in another order) merged keep the same 6, so each feature's power is the same
        LabelledSample whole = sample();
        LabelledSample even = sample();
        LabelledSample odd = sample();
        Header first = new Header(List.of("c", "y"));
        Header swapped = new Header(List.of("y", "c"));
        for (int line = 1; line <= 12; line++) {
            String c = line % 3 == 0 ? "A" : "B";
            String y = line <= 4 ? c : "no";
            Row row = line % 2 == 0 ? new Row(first, new Object[]{c, y}, "all", "a.csv", line)
                    : new Row(swapped, new Object[]{y, c}, "all", "a.csv", line);
            whole.accept(row);
            (line % 2 == 0 ? even : odd).accept(row);
        }
        even.merge(odd, ORDER);
        assertThat(even.size()).isEqualTo(whole.size()).isEqualTo(6);
        assertThat(even.powers().keySet()).containsExactly("c");
        assertThat(even.powers().get("c").power()).isEqualTo(whole.powers().get("c").power());
        assertThat(even.powers().get("c").accuracy()).isEqualTo(whole.powers().get("c").accuracy());
    }

    @Test
    void aSummaryMergesOnlyIntoAnEmptySample() {
        LabelledSample full = sample();
        full.accept(new Row(new Header(List.of("c", "y")), new Object[]{"A", "yes"}, "all", "a.csv", 1));
        assertThatThrownBy(() -> full.merge(sample().summarised(), ORDER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a summarised sample to merge into an empty one but found 1 rows here");
    }

    private static LabelledSample sample() {
        return new LabelledSample("y", List.of(), Set.of("y"), 6);
    }
}
