package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A label set ignores order, repeats and surrounding white space, as a sorted set of the stripped labels would. */
class RowValuesTest {
    private static final Header HEADER = new Header(List.of("tags"));

    @Test
    void aLabelSetIsTheSortedDistinctStrippedLabelsJoinedByCommas() {
        assertThat(labelSet(List.of(" sports", "news ", "sports", "art", "news"))).isEqualTo("art, news, sports");
        assertThat(labelSet(List.of("b", "a"))).isEqualTo(labelSet(List.of("a", " b ", "a")));
        assertThat(labelSet(List.of(" only "))).isEqualTo("only");
        assertThat(labelSet(List.of())).isEmpty();
    }

    @Test
    void aLabelSetEqualsTheJoinedTreeSetOfTheStrippedLabels() {
        List<String> labels = List.of("Zebra", "apple", " Apple", "zebra", "äpfel", "10", "9", "apple ", "");
        String expected = String.join(", ", new TreeSet<>(labels.stream().map(String::strip).toList()));
        assertThat(labelSet(labels)).isEqualTo(expected).isEqualTo(", 10, 9, Apple, Zebra, apple, zebra, äpfel");
    }

    @Test
    void aSingleStringIsOneLabel() {
        assertThat(RowValues.labelSet(new Row(HEADER, new Object[] {" news "}, "train", "f.csv", 2), "tags"))
                .isEqualTo("news");
    }

    private static String labelSet(List<String> labels) {
        return RowValues.labelSet(new Row(HEADER, new Object[] {labels}, "train", "f.csv", 2), "tags");
    }
}
