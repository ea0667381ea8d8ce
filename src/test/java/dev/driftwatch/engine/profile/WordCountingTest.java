package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Word counts go through the lane's word ids while there are at most {@link WordIds#MAX_WORDS} distinct words
 * and through Misra-Gries summaries beyond; either way they answer within the summary's error bound, and the
 * hashes the tokenizer computes on the fly are those of the words as Strings.
 */
class WordCountingTest {
    @Test
    void wordCountsStayWithinTheirErrorBoundWhenThereAreMoreWordsThanIds() {
        var random = new Random(3);
        var ids = new WordIds();
        var text = new TextAccumulator(ids);
        var tags = new TagAccumulator(ids, true);
        var tokens = new WordList();
        var header = new Header(List.of("tags"));
        Map<String, Long> exact = new HashMap<>();
        Map<String, Long> exactInTag = new HashMap<>();
        int distinctWords = WordIds.MAX_WORDS * 3;
        for (int row = 0; row < 60_000; row++) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                String word = "w" + (int) Math.floor(Math.pow(random.nextDouble(), 4) * distinctWords);
                line.append(w == 0 ? "" : " ").append(row % 7 == 0 ? word.toUpperCase(Locale.ROOT) : word);
                exact.merge(word, 1L, Long::sum);
                if (row % 2 == 0) {
                    exactInTag.merge(word, 1L, Long::sum);
                }
            }
            text.accept(line.toString(), tokens, ids);
            Object tag = row % 4 == 0 ? "even" : row % 4 == 2 ? List.of("even") : " ";
            tags.accept(new Row(header, new Object[] {tag}, "all", "test", row), 0, List.of(tokens));
        }
        assertThat(ids.size()).isEqualTo(WordIds.MAX_WORDS);

        FrequencyCounter words = text.frequentWords();
        assertWithinError(words, exact);
        assertThat(words.total()).isEqualTo(60_000 * 8);
        assertThat(text.summary().vocabularyFigure()).isEqualTo(Figure.exact(exact.size()));
        assertThat(text.summary().wordCountsExact()).isTrue();
        exact.forEach((word, truth) -> assertThat(text.summary().wordCount(word)).as(word).isEqualTo(truth));

        FrequencyCounter inTag = tags.wordCounters().get("even");
        assertWithinError(inTag, exactInTag);
        assertThat(inTag.total()).isEqualTo(30_000 * 8);
        assertThat(tags.summary("tags", TagSettings.of(null, null), words).tagsPerRow()).containsExactly(
                Map.entry(0, 30_000L), Map.entry(1, 30_000L));
    }

    private static void assertWithinError(FrequencyCounter counter, Map<String, Long> exact) {
        assertThat(counter.isExact()).isFalse();
        for (ValueCount top : counter.top(20)) {
            long truth = exact.get(top.value());
            assertThat(top.count()).as(top.value()).isBetween(truth, truth + counter.maxError());
        }
        exact.forEach((word, truth) -> {
            if (truth > counter.maxError()) {
                assertThat(counter.estimate(word)).as(word).isBetween(truth, truth + counter.maxError());
            }
        });
    }

    @Test
    void theTokenizersHashesAreThoseOfTheLowerCasedWords() {
        String text = "A bb CCC dddd EeEeE ffffff 1234567 HhHhHhHh Ünïcödé ÄBC straße x9y8z7w6v5 IIIIIIIII — 𝘢𝘯𝘺 😀 end hhhhhhhh";
        var tokens = new WordList();
        Words.into(text, tokens);
        List<String> words = java.util.stream.IntStream.range(0, tokens.size()).mapToObj(tokens::word).toList();
        assertThat(words).containsExactly("a", "bb", "ccc", "dddd", "eeeee", "ffffff", "1234567", "hhhhhhhh",
                "ünïcödé", "äbc", "straße", "x9y8z7w6v5", "iiiiiiiii", "𝘢𝘯𝘺", "end", "hhhhhhhh");
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(tokens.hash(i)).as(words.get(i)).isEqualTo(StringHash.of(words.get(i)));
        }
        var keys = java.util.stream.IntStream.range(0, tokens.size()).mapToObj(tokens::key).toList();
        assertThat(keys.subList(0, keys.size() - 1)).doesNotContain(0L).doesNotHaveDuplicates();
        assertThat(keys.get(keys.size() - 1)).isEqualTo(keys.get(7));
        char[] chars = text.toCharArray();
        assertThat(StringHash.of(chars, chars.length)).isEqualTo(StringHash.of(text));
        assertThat(StringHash.of("ab")).isNotEqualTo(StringHash.of("ab\0")).isNotEqualTo(StringHash.of("ba"));
    }
}
