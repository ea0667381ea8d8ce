package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.CharBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shingle sets and their Jaccard similarity against Python's count of the same 5-character substrings:
 * {@code s = lambda t: {t[i:i+5] for i in range(max(1, len(t) - 4))}}, then {@code len(s(a) & s(b))} and
 * {@code len(s(a) | s(b))}.
 */
class ShinglesTest {
    @ParameterizedTest(name = "\"{0}\" and \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // a | b | |set a| | |set b| | common | union (python3)
            "transformers for time series forecasting a survey of recent methods"
                    + "|transformers for time series forecasting a survey of the recent methods|62|66|59|69",
            "the quick brown fox|the quick brown fox jumps|15|21|15|21",
            "abc|abc|1|1|1|1",
            "abc|abcd|1|1|0|2",
            "aaaaaaa|aaaaa|1|1|1|1",
            "Größe|größe|1|1|0|2",
            "''|''|1|1|1|1"})
    void setsAndSimilarityMatchAPlainCountOfSubstrings(String a, String b, int sizeA, int sizeB, int common, int union) {
        ShingleSet setA = new ShingleSet().of(a);
        ShingleSet setB = new ShingleSet().of(b);
        assertThat(setA.size()).isEqualTo(sizeA);
        assertThat(setB.size()).isEqualTo(sizeB);
        assertThat(setA.jaccard(setB)).isEqualTo((double) common / union);
        assertThat(setB.jaccard(setA)).isEqualTo((double) common / union);
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource({"'',1", "abcd,1", "abcde,1", "aaaaaaa,3", "abcdefgh,4"})
    void aTextHasOneHashPerShingleWithRepeats(String text, int hashes) {
        long[] into = new long[Shingles.count(text.length())];
        assertThat(Shingles.hashes(text.toCharArray(), text.length(), into)).isEqualTo(hashes).isEqualTo(into.length);
    }

    @Test
    void aTextHasTheSameShinglesWhateverHoldsIt() {
        // the rows' texts come as StringBuilders, the verified ones as Strings; a scratch array longer than the text
        // keeps characters of an earlier one past its end
        String text = "Größe 🙂 of a near-duplicate";
        char[] scratch = "an earlier and much longer text left in the scratch array".toCharArray();
        long[] expected = new long[Shingles.count(text.length())];
        Shingles.hashes(text.toCharArray(), text.length(), expected);
        for (CharSequence holder : List.of(text, new StringBuilder(text), CharBuffer.wrap(text))) {
            char[] chars = Shingles.chars(holder, scratch);
            long[] hashes = new long[expected.length];
            assertThat(Shingles.hashes(chars, text.length(), hashes)).isEqualTo(expected.length);
            assertThat(hashes).as(holder.getClass().getSimpleName()).isEqualTo(expected);
        }
        assertThat(Shingles.chars("x".repeat(100), new char[4])).hasSizeGreaterThanOrEqualTo(100);
    }
}
