package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.carrotsearch.hppc.cursors.LongLongCursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A vocabulary keeps every word with its exact count up to its bound, and beyond it the words of a hash sample that
 * depends on the words alone: merging parts gives the whole, whatever the order. Expected figures are recounted
 * with a HashMap of the same hashes.
 */
class WordVocabularyTest {
    private static final int BOUND = 1_000;

    /** Occurrences of 5,000 distinct hashes, word i occurring 1 + i % 7 times, in a seeded random order. */
    private static long[] occurrences(long seed) {
        var random = new SplittableRandom(seed);
        long[] hashes = new long[5_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextLong();
        }
        long[] occurrences = new long[hashes.length * 4];
        int n = 0;
        for (int i = 0; i < hashes.length; i++) {
            for (int c = 0; c < 1 + i % 7; c++) {
                occurrences[n++] = hashes[i];
            }
        }
        long[] used = java.util.Arrays.copyOf(occurrences, n);
        for (int i = used.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = used[i];
            used[i] = used[j];
            used[j] = t;
        }
        return used;
    }

    private static WordVocabulary of(long[] occurrences, int from, int to) {
        var vocabulary = new WordVocabulary(BOUND);
        for (int i = from; i < to; i++) {
            vocabulary.add(occurrences[i], 1);
        }
        return vocabulary;
    }

    private static Map<Long, Long> contents(WordVocabulary vocabulary) {
        Map<Long, Long> words = new HashMap<>();
        for (LongLongCursor word : vocabulary.words()) {
            words.put(word.key, word.value);
        }
        return words;
    }

    @Test
    void upToItsBoundEveryWordIsKeptWithItsExactCount() {
        long[] occurrences = occurrences(1);
        Map<Long, Long> truth = new HashMap<>();
        var vocabulary = new WordVocabulary(10_000);
        for (long hash : occurrences) {
            vocabulary.add(hash, 1);
            truth.merge(hash, 1L, Long::sum);
        }
        assertThat(vocabulary.exact()).isTrue();
        assertThat(vocabulary.total()).isEqualTo(occurrences.length);
        assertThat(contents(vocabulary)).isEqualTo(truth).hasSize(5_000);
    }

    @Test
    void beyondItsBoundItKeepsTheWordsOfAHashSampleWithTheirExactCounts() {
        long[] occurrences = occurrences(2);
        WordVocabulary vocabulary = of(occurrences, 0, occurrences.length);
        Map<Long, Long> truth = new HashMap<>();
        for (long hash : occurrences) {
            truth.merge(hash, 1L, Long::sum);
        }
        // the smallest shift s at which at most 1,000 of the 5,000 words have s leading zero bits
        int shift = 0;
        while (countKept(truth.keySet(), shift) > BOUND) {
            shift++;
        }
        assertThat(vocabulary.exact()).isFalse();
        assertThat(vocabulary.shift()).isEqualTo(shift).isEqualTo(3);
        Map<Long, Long> kept = new HashMap<>(truth);
        kept.keySet().removeIf(hash -> Long.numberOfLeadingZeros(hash) < 3);
        assertThat(contents(vocabulary)).isEqualTo(kept);
        assertThat(vocabulary.total()).isEqualTo(occurrences.length);
    }

    private static long countKept(Set<Long> hashes, int shift) {
        return hashes.stream().filter(h -> shift == 0 || Long.numberOfLeadingZeros(h) >= shift).count();
    }

    @Test
    void mergedPartsEqualTheWholeWhateverTheOrder() throws IOException {
        long[] occurrences = occurrences(3);
        WordVocabulary whole = of(occurrences, 0, occurrences.length);
        int third = occurrences.length / 3;
        WordVocabulary forward = of(occurrences, 0, third);
        forward.merge(of(occurrences, third, 2 * third));
        forward.merge(of(occurrences, 2 * third, occurrences.length));
        WordVocabulary backward = of(occurrences, 2 * third, occurrences.length);
        backward.merge(of(occurrences, 0, third));
        backward.merge(of(occurrences, third, 2 * third));
        assertThat(bytes(forward)).isEqualTo(bytes(whole)).isEqualTo(bytes(backward));
        assertThat(bytes(WordVocabulary.read(new DataInputStream(new ByteArrayInputStream(bytes(whole))))))
                .isEqualTo(bytes(whole));
    }

    @Test
    void anIncompleteVocabularyKeepsOnlyItsTotalThroughMerges() {
        var counter = new FrequencyCounter(2);
        counter.update("a");
        counter.update("b");
        counter.update("c");
        WordVocabulary old = WordVocabulary.ofCounter(counter);
        assertThat(old.complete()).isFalse();
        WordVocabulary merged = of(occurrences(4), 0, 100);
        merged.merge(old);
        assertThat(merged.complete()).isFalse();
        assertThat(merged.exact()).isFalse();
        assertThat(merged.size()).isZero();
        assertThat(merged.total()).isEqualTo(103);

        var exactCounter = new FrequencyCounter(10);
        exactCounter.update("a", 4);
        exactCounter.update("b");
        WordVocabulary exact = WordVocabulary.ofCounter(exactCounter);
        assertThat(exact.exact()).isTrue();
        assertThat(exact.count(StringHash.of("a"))).isEqualTo(4);
        assertThat(exact.total()).isEqualTo(5);
    }

    @Test
    void sampledUnseenCountsHoldTheTruthWithinTheirBounds() {
        // current: 3,000 words, 600 of them absent from the reference; the reference has 4,000 (about 1 in 8 of the
        // words compared) or 200,000 (1 in 256: a handful compared) more words
        for (int more : new int[] {4_000, 200_000}) {
            for (long seed = 1; seed <= 20; seed++) {
                var random = new SplittableRandom(seed);
                var reference = new WordVocabulary(BOUND);
                var current = new WordVocabulary(BOUND);
                for (int i = 0; i < 2_400; i++) {
                    long hash = random.nextLong();
                    reference.add(hash, 1 + random.nextInt(5));
                    current.add(hash, 1 + random.nextInt(50));
                }
                long truth = 0;
                for (int i = 0; i < 600; i++) {
                    long count = 1 + random.nextInt(20);
                    current.add(random.nextLong(), count);
                    truth += count;
                }
                for (int i = 0; i < more; i++) {
                    reference.add(random.nextLong(), 1);
                }
                var frequent = new FrequencyCounter(10);
                UnseenWords unseen = UnseenWordCount.of(current, frequent, reference, frequent);
                String as = "seed " + seed + ", " + more + " more: " + unseen.occurrences() + " holds " + truth;
                assertThat(unseen.basis()).as(as).isEqualTo(UnseenWords.Basis.SAMPLED);
                assertThat(unseen.shift()).as(as).isEqualTo(more == 4_000 ? 3 : 8);
                assertThat(unseen.occurrences().exact()).isFalse();
                assertThat(unseen.total()).isEqualTo(current.total());
                assertThat(unseen.occurrences().contains(truth)).as(as).isTrue();
                assertThat(unseen.words().contains(600)).as("seed %d: %s holds 600", seed, unseen.words()).isTrue();
            }
        }
    }

    private static byte[] bytes(WordVocabulary vocabulary) throws IOException {
        var out = new ByteArrayOutputStream();
        vocabulary.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
