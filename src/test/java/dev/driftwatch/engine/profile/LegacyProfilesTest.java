package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Profiles stored in format 2 (before exact distinct values and vocabularies) are still read: their distinct counts
 * are estimates within bounds, their vocabularies exact only where their word counts were, and a comparison with one
 * whose words were not all counted never claims a word is unseen. Expected figures: recounts of the fixtures' rows
 * (Python for Pima, {@link LegacyTextRows} for the text fixture).
 */
class LegacyProfilesTest {
    private static SnapshotProfile read(String name) throws IOException {
        try (InputStream in = LegacyProfilesTest.class.getResourceAsStream("/profiles/" + name)) {
            return ProfileCodec.fromBytes(in.readAllBytes());
        }
    }

    private static TextSummary text(SnapshotProfile profile, String split) {
        return profile.split(split).orElseThrow().column("text").orElseThrow().text();
    }

    private static Set<String> words(List<String> texts) {
        Set<String> words = new HashSet<>();
        texts.forEach(t -> words.addAll(Arrays.asList(t.split(" "))));
        return words;
    }

    @Test
    void aFormat2PimaProfileEstimatesItsDistinctValuesWithinBoundsThatHoldTheTruth() throws IOException {
        // python: len(set(column)) over the first 20 rows of diabetes.csv
        SplitProfile split = read("format-2-pima.bin").splits().values().iterator().next();
        assertThat(split.rows()).isEqualTo(20);
        for (var truth : List.of(List.of("Glucose", 19), List.of("BMI", 20), List.of("Age", 14), List.of("Outcome", 2))) {
            Figure distinct = split.column((String) truth.get(0)).orElseThrow().distinctFigure();
            assertThat(distinct.exact()).as("%s", truth).isFalse();
            assertThat(distinct.contains((Integer) truth.get(1))).as("%s: %s", truth, distinct).isTrue();
        }
    }

    @Test
    void aFormat2TextProfileKeepsAnExactVocabularyWhereItsWordCountsWereExact() throws IOException {
        SnapshotProfile old = read("format-2-text.bin");
        TextSummary small = text(old, "small");
        assertThat(small.vocabularyFigure()).isEqualTo(Figure.exact(words(LegacyTextRows.SMALL).size()));

        var header = new Header(List.of("text"));
        List<String> later = List.of("the cat flew", "a dog ran", "the end");
        List<Row> rows = later.stream().map(t -> new Row(header, new Object[] {t}, "small", "later", 2)).toList();
        SnapshotProfile current = new Profiler(1).profile(rows, ProfileRequest.builder(LegacyTextRows.ROLES).build(), null);
        UnseenWords unseen = text(current, "small").unseenWords(small);
        // recount: "flew" is the one word of the later texts that the fixture's small texts lack
        Set<String> known = words(LegacyTextRows.SMALL);
        long truth = later.stream().flatMap(t -> Arrays.stream(t.split(" "))).filter(w -> !known.contains(w)).count();
        assertThat(truth).isEqualTo(1);
        assertThat(unseen.basis()).isEqualTo(UnseenWords.Basis.EXACT);
        assertThat(unseen.occurrences()).isEqualTo(Figure.exact(truth));
        assertThat(unseen.examples()).containsExactly(new ValueCount("flew", 1));
    }

    @Test
    void againstAFormat2ProfileBeyondItsExactWordCountsNoWordIsCertainlyUnseen() throws IOException {
        SnapshotProfile old = read("format-2-text.bin");
        TextSummary large = text(old, "large");
        // 7,000 words w<i> and "common": the sketch's estimate, with bounds that hold the 7,001
        assertThat(large.vocabularyFigure().exact()).isFalse();
        assertThat(large.vocabularyFigure().contains(7_001)).as("%s", large.vocabularyFigure()).isTrue();

        SnapshotProfile fresh = new Profiler(2).profile(LegacyTextRows.rows(),
                ProfileRequest.builder(LegacyTextRows.ROLES).build(), null);
        UnseenWords unseen = text(fresh, "large").unseenWords(large);
        // the same texts: truly 0 unseen; the old word counts cannot tell which rare words they held
        assertThat(unseen.basis()).isEqualTo(UnseenWords.Basis.FREQUENT_WORDS);
        assertThat(unseen.occurrences().lower()).isZero();
        assertThat(unseen.occurrences().contains(0)).isTrue();
        assertThat(unseen.lowerRate()).isZero();
        assertThat(unseen.examples()).isEmpty();

        SnapshotProfile merged = fresh.merge(old);
        assertThat(text(merged, "large").vocabularyFigure().exact()).isFalse();
        assertThat(text(merged, "small").vocabularyFigure()).isEqualTo(Figure.exact(words(LegacyTextRows.SMALL).size()));
        SnapshotProfile reloaded = ProfileCodec.fromBytes(ProfileCodec.toBytes(merged));
        assertThat(ProfileJson.tree(reloaded)).isEqualTo(ProfileJson.tree(merged));
    }
}
