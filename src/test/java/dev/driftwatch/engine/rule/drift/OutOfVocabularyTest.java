package dev.driftwatch.engine.rule.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.profile.Figure;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.TextSummary;
import dev.driftwatch.engine.profile.UnseenWords;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code oov} check of {@code distribution_shift} counts a word as unseen only when the reference never uses it:
 * exactly up to the vocabulary bound, estimated with bounds beyond it, never failing on the estimate's own error.
 * The texts are generated here from seeded Zipf-like distributions (words "w" + rank, rank k drawn with probability
 * proportional to 1/k); every expected figure is a recount of the generated words with a HashSet.
 */
class OutOfVocabularyTest {
    @TempDir
    Path dir;

    /** Words of ranks 0 to {@code words - 1}, rank k drawn with probability proportional to 1 / (k + 1). */
    private static final class Zipf {
        private final double[] cumulative;
        private final SplittableRandom random;

        Zipf(int words, long seed) {
            cumulative = new double[words];
            double sum = 0;
            for (int k = 0; k < words; k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
            random = new SplittableRandom(seed);
        }

        String next() {
            int k = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            return "w" + (k >= 0 ? k : -k - 1);
        }
    }

    /** A one-column CSV of the words, {@code perRow} to a line. */
    private static String csv(List<String> words, int perRow) {
        var text = new StringBuilder("t\n");
        for (int i = 0; i < words.size(); i += perRow) {
            text.append(String.join(" ", words.subList(i, Math.min(words.size(), i + perRow)))).append('\n');
        }
        return text.toString();
    }

    private static List<String> sample(Zipf zipf, int n) {
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(zipf.next());
        }
        return words;
    }

    private static void shuffle(List<String> words, long seed) {
        var random = new SplittableRandom(seed);
        for (int i = words.size() - 1; i > 0; i--) {
            java.util.Collections.swap(words, i, random.nextInt(i + 1));
        }
    }

    /** Recount: occurrences of {@code current} whose word is not among {@code reference}'s words. */
    private static long unseen(List<String> reference, List<String> current) {
        Set<String> known = new HashSet<>(reference);
        return current.stream().filter(w -> !known.contains(w)).count();
    }

    private static long unseenDistinct(List<String> reference, List<String> current) {
        Set<String> known = new HashSet<>(reference);
        return current.stream().filter(w -> !known.contains(w)).distinct().count();
    }

    private RunReport run(Map<String, String> files, String splits) {
        return RuleFixture.csv(dir, """
                splits: {by: file, files: %s}
                reference: {split: train}
                columns: {text: [t]}
                rules:
                  - {name: drift, kind: distribution_shift}
                """.formatted(splits)).snapshot("s1", files).run("s1");
    }

    private static RuleResult oov(RunReport run, String split) {
        return RuleFixture.of(run, "drift").stream().filter(r -> "t:oov".equals(r.column()) && split.equals(r.split()))
                .findFirst().orElseThrow();
    }

    private static TextSummary text(SnapshotProfile profile, String split) {
        return profile.split(split).orElseThrow().column("t").orElseThrow().text();
    }

    @Test
    void twoSamplesOfOneDistributionOf20000WordsShowTheirTrueUnseenRateAndPass() {
        var zipf = new Zipf(20_000, 12);
        List<String> train = sample(zipf, 150_000);
        List<String> test = sample(zipf, 150_000);
        long unseen = unseen(train, test);
        long distinct = unseenDistinct(train, test);

        RunReport run = run(Map.of("train.csv", csv(train, 20), "test.csv", csv(test, 20)),
                "{train: train.csv, test: test.csv}");
        RuleResult result = oov(run, "test");
        assertThat(result.observed()).isEqualTo((double) unseen / test.size());
        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.message()).isEqualTo(String.format(java.util.Locale.ROOT,
                "t in test: %,d of 150,000 (%.1f%%) words never occur in split train (%,d distinct words).",
                unseen, 100.0 * unseen / test.size(), distinct));
        // the reference's vocabulary is the whole of its distinct words, not its 6,144 most frequent
        assertThat(text(run.profile(), "train").vocabularyFigure()).isEqualTo(Figure.exact(new HashSet<>(train).size()));
    }

    @Test
    void aCorpusOf15000WordsWith1040UnseenOnesReportsTheRecount() {
        var zipf = new Zipf(15_000, 7);
        List<String> train = sample(zipf, 100_000);
        for (int k = 0; k < 15_000; k++) {
            train.add("w" + k);
        }
        shuffle(train, 8);
        List<String> test = sample(zipf, 30_000);
        for (int i = 0; i < 1_040; i++) {
            test.add("new" + i);
        }
        shuffle(test, 9);
        long unseen = unseen(train, test);
        assertThat(unseen).isEqualTo(1_040);
        assertThat(new HashSet<>(train)).hasSize(15_000);

        RuleResult result = oov(run(Map.of("train.csv", csv(train, 12), "test.csv", csv(test, 12)),
                "{train: train.csv, test: test.csv}"), "test");
        assertThat(result.message()).isEqualTo(
                "t in test: 1,040 of 31,040 (3.4%) words never occur in split train (1,040 distinct words).");
        assertThat(result.observed()).isEqualTo(1_040 / 31_040.0);
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void realMadeWithMlDescriptionsShowTheExactUnseenCount() throws Exception {
        // python: words = re.findall(r'[^\W_]+', description.lower()) over projects.json of snapshot s01; reference the
        // first 1,000 projects (15,292 words, 3,239 distinct), current the other 1,032: 2,042 of their 16,025 words
        // are not among the reference's, 1,580 distinct
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<?> projects = mapper.readValue(Path.of("src/test/resources/datasets/madewithml-s01/projects.json").toFile(),
                List.class);
        var fixture = RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.json, test: test.json}}
                reference: {split: train}
                columns: {id: id, text: [description]}
                rules:
                  - {name: drift, kind: distribution_shift, columns: [description]}
                """).snapshot("s1", Map.of("train.json", mapper.writeValueAsString(projects.subList(0, 1_000)),
                "test.json", mapper.writeValueAsString(projects.subList(1_000, projects.size()))));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "drift").stream()
                .filter(r -> "description:oov".equals(r.column())).findFirst().orElseThrow();
        assertThat(result.message()).isEqualTo(
                "description in test: 2,042 of 16,025 (12.7%) words never occur in split train (1,580 distinct words).");
        assertThat(result.observed()).isEqualTo(2_042 / 16_025.0);
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void beyondTheBoundTheCountIsEstimatedItsBoundsHoldTheTruthAndOnlyACertainExcessFails() {
        // train: 800,000 words used once (more than the 786,432 kept exactly) and 200,000 draws of 20,000 common words
        var zipf = new Zipf(20_000, 21);
        List<String> train = sample(zipf, 200_000);
        for (int i = 0; i < 800_000; i++) {
            train.add("r" + Integer.toString(i, 36));
        }
        shuffle(train, 22);
        // split a: 40,000 common draws, 3,500 new words twice each, 2,000 of train's rare words; b: mostly new words
        List<String> a = sample(zipf, 40_000);
        List<String> b = sample(zipf, 10_000);
        for (int i = 0; i < 3_500; i++) {
            a.add("na" + i);
            a.add("na" + i);
        }
        for (int i = 0; i < 2_000; i++) {
            a.add("r" + Integer.toString(i * 397, 36));
        }
        for (int i = 0; i < 8_000; i++) {
            b.add("nb" + i);
        }
        shuffle(a, 23);
        shuffle(b, 24);
        long unseenA = unseen(train, a);
        long unseenB = unseen(train, b);
        // the new words, and the common words of a and b that train's 200,000 draws happen to lack
        assertThat(unseenA).isGreaterThanOrEqualTo(7_000);
        assertThat(unseenB).isGreaterThanOrEqualTo(8_000);

        RunReport run = run(Map.of("train.csv", csv(train, 20), "a.csv", csv(a, 20), "b.csv", csv(b, 20)),
                "{train: train.csv, a: a.csv, b: b.csv}");
        TextSummary reference = text(run.profile(), "train");
        assertThat(reference.vocabularyFigure().exact()).isFalse();
        assertThat(reference.vocabularyFigure().contains(new HashSet<>(train).size())).isTrue();

        UnseenWords inA = text(run.profile(), "a").unseenWords(reference);
        assertThat(inA.basis()).isEqualTo(UnseenWords.Basis.SAMPLED);
        assertThat(inA.occurrences().contains(unseenA)).as("%s holds %d", inA.occurrences(), unseenA).isTrue();
        long distinctA = unseenDistinct(train, a);
        assertThat(inA.words().contains(distinctA)).as("%s holds %d", inA.words(), distinctA).isTrue();
        RuleResult resultA = oov(run, "a");
        assertThat(resultA.status()).isEqualTo(Status.PASS);
        assertThat((double) unseenA / a.size()).isLessThan(0.2).isGreaterThanOrEqualTo(resultA.observed());
        assertThat(resultA.observed()).isEqualTo(inA.lowerRate());
        assertThat(resultA.message()).startsWith("t in a: about ").contains(" of 49,000 words (")
                .contains("estimated from 1 in 2 of the distinct words, as a side has more than 786,432 of them; "
                        + "the verdict uses the lowest rate, ");

        UnseenWords inB = text(run.profile(), "b").unseenWords(reference);
        assertThat(inB.occurrences().contains(unseenB)).as("%s holds %d", inB.occurrences(), unseenB).isTrue();
        RuleResult resultB = oov(run, "b");
        assertThat(resultB.status()).isEqualTo(Status.FAIL);
        assertThat(resultB.observed()).isGreaterThan(0.2).isLessThanOrEqualTo((double) unseenB / b.size());
        assertThat(resultB.message()).endsWith("; at most 20.0% allowed.");
    }
}
