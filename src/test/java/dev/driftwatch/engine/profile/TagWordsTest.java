package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tags get their words counted when there are more tags than {@link TagWords#CAPACITY}. */
class TagWordsTest {
    private static final Header HEADER = new Header(List.of("tags"));
    private final WordIds ids = new WordIds();
    private final TagAccumulator tags = new TagAccumulator(ids, true);
    private final WordList words = new WordList();
    private long line;

    private void row(String text, String... rowTags) {
        Words.into(text, words);
        for (int i = 0; i < words.size(); i++) {
            ids.resolve(words, i);
        }
        tags.accept(new Row(HEADER, new Object[] {List.of(rowTags)}, "all", "test", ++line), 0, List.of(words));
    }

    @Test
    void aFrequentTagMetAfterTheTrackedOnesTakesThePlaceOfARareOne() {
        for (int t = 0; t < TagWords.CAPACITY; t++) {
            row("rare words", "rare-" + t);
        }
        row("late frequent", "late");
        row("late frequent", "late");
        assertThat(tags.wordCounters()).doesNotContainKey("late");
        row("late frequent", "late");
        assertThat(tags.wordCounters()).containsKey("late").hasSize(TagWords.CAPACITY);
        // counted from the row that let it in: twice as many rows as the fewest of the tracked tags, plus one
        assertThat(tags.wordCounters().get("late").estimate("frequent")).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            row("late frequent", "late");
        }
        assertThat(tags.wordCounters().get("late").estimate("frequent")).isEqualTo(6);
    }

    @Test
    void tagsOfSimilarCountsDoNotReplaceEachOther() {
        for (int t = 0; t < TagWords.CAPACITY; t++) {
            row("first", "first-" + t);
            row("first", "first-" + t);
        }
        for (int i = 0; i < 4; i++) {
            row("newcomer", "newcomer");
        }
        assertThat(tags.wordCounters()).doesNotContainKey("newcomer");
        row("newcomer", "newcomer");
        assertThat(tags.wordCounters()).containsKey("newcomer");
        List<String> tracked = new ArrayList<>(tags.wordCounters().keySet());
        row("first", "first-0");
        row("first", "first-1");
        assertThat(tags.wordCounters().keySet()).containsExactlyElementsOf(tracked);
    }

    @Test
    void theTrackedTagsSurviveABytesRoundTripAndAMerge() throws Exception {
        for (int t = 0; t < TagWords.CAPACITY; t++) {
            row("rare words", "rare-" + t);
        }
        for (int i = 0; i < 3; i++) {
            row("late frequent", "late");
        }
        var bytes = new java.io.ByteArrayOutputStream();
        tags.write(new java.io.DataOutputStream(bytes));
        TagAccumulator reloaded = TagAccumulator.read(
                new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), new WordIds());
        assertThat(reloaded.wordCounters().keySet()).isEqualTo(tags.wordCounters().keySet());

        var other = new TagAccumulator(ids, true);
        other.accept(new Row(HEADER, new Object[] {List.of("late")}, "all", "test", 1), 0, List.of(words));
        reloaded.merge(other);
        assertThat(reloaded.wordCounters().get("late").estimate("frequent")).isEqualTo(2);
    }
}
