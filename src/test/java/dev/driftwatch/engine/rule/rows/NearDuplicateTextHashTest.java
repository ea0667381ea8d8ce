package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A candidate pair whose texts carry equal hashes (the fingerprint of the normalised inputs they join) is the same
 * text: similarity 1, without reading the texts back. A pair with different hashes is verified on its texts. Most
 * verified pairs of the generated 1M file were such copies (58,067 of 59,316), each costing two reads before.
 */
class NearDuplicateTextHashTest {
    private static final String EARLIER = "the quick brown fox jumps over the lazy dog near the river bank";
    private static final String LATER = EARLIER.replace("bank", "bend");

    @Test
    void differentHashesAreVerifiedOnTheTexts() {
        // |5-gram sets|: recounted below as Python's {t[i:i+5] for i in range(len(t) - 4)} would
        double exact = plainJaccard(EARLIER, LATER);
        assertThat(exact).isBetween(0.8, 0.99);
        assertThat(similarityFound(1L, 2L)).isEqualTo(exact);
    }

    @Test
    void equalHashesAreTheSameTextWithoutReadingIt() {
        assertThat(similarityFound(7L, 7L)).isEqualTo(1.0);
    }

    private static double similarityFound(long earlierHash, long laterHash) {
        // the sink wants every pair: one per band the two texts share
        Set<Double> found = new HashSet<>();
        try (NearDuplicates near = new NearDuplicates(0.8, 1)) {
            near.add("train", 0, EARLIER, earlierHash);
            near.add("test", 0, LATER, laterHash);
            near.search("train", List.of("test"), List.of(new EveryPair((later, earlier, similarity) -> found.add(similarity))));
        }
        assertThat(found).hasSize(1);
        return found.iterator().next();
    }

    private static double plainJaccard(String a, String b) {
        Set<String> left = shingles(a);
        Set<String> right = shingles(b);
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        Set<String> union = new HashSet<>(left);
        union.addAll(right);
        return (double) common.size() / union.size();
    }

    private static Set<String> shingles(String text) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i + 5 <= text.length(); i++) {
            set.add(text.substring(i, i + 5));
        }
        return set;
    }
}
