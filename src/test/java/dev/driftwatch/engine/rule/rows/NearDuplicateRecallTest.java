package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Fingerprint;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recall and precision of the near-duplicate search against brute force, on {@link NearDuplicateSample}
 * (real Made With ML texts and edited copies: 5,793 earlier and 14,484 later texts). The truth is every
 * pair of an earlier and a later text whose sets of 5-character substrings (as strings, collected here
 * without the engine) have a Jaccard similarity of at least the threshold: every pair's similarity is
 * computed, its intersection counted through an inverted index of the substrings.
 * Its counts were recounted with python3 and SciPy over the texts this test writes to
 * {@code target/near-duplicate-sample/} (one text a line), every pair's intersection a sparse product:
 * <pre>
 * sets = lambda path: [{t[i:i+5] for i in range(max(1, len(t) - 4))} for t in open(path).read().split("\n")[:-1]]
 * e, l = sets("earlier.txt"), sets("later.txt")   # then a 0/1 matrix each, one column per distinct 5-gram
 * common = (B[s:s+500] @ A.T).toarray()            # for s in range(0, len(l), 500)
 * jaccard = common / (B[s:s+500].sum(1) + A.sum(1).T - common)
 * </pre>
 * The search is probabilistic (a pair at the threshold is a candidate with probability at least 0.95) and
 * its verification exact, so recall must reach 0.95, also among the pairs within 0.05 above the threshold,
 * and precision be 1. The figures are printed.
 */
class NearDuplicateRecallTest {
    private static final double LOWEST = 0.6;
    private static NearDuplicateSample sample;
    private static List<TruePair> truth;

    @TempDir
    Path dir;

    private record TruePair(int earlier, int later, double similarity) {
    }

    @BeforeAll
    static void bruteForce() throws IOException {
        sample = new NearDuplicateSample();
        Path out = Path.of("target", "near-duplicate-sample");
        Files.createDirectories(out);
        Files.write(out.resolve("earlier.txt"), sample.earlier);
        Files.write(out.resolve("later.txt"), sample.later);
        truth = pairsAtLeast(sample.earlier, sample.later, LOWEST);
    }

    @Test
    void theSampleHasOver20000TextsAndTheBruteForceCountsAgreeWithPython() {
        assertThat(sample.earlier).hasSize(5_793);
        assertThat(sample.later).hasSize(14_484);
        // python3 (class comment): 10,847 pairs >= 0.6, 5,100 >= 0.8, 2,202 >= 0.9; later texts with a pair >= 0.8: 5,030
        assertThat(truth).hasSize(10_847);
        assertThat(truth.stream().filter(p -> p.similarity() >= 0.8)).hasSize(5_100);
        assertThat(truth.stream().filter(p -> p.similarity() >= 0.9)).hasSize(2_202);
        assertThat(truth.stream().filter(p -> p.similarity() >= 0.8).mapToInt(TruePair::later).distinct()).hasSize(5_030);
    }

    @ParameterizedTest(name = "Jaccard {0}")
    @CsvSource({"0.6", "0.8", "0.9"})
    void theSearchFindsAtLeast95PercentOfTheTruePairsAndNothingElse(double jaccard) {
        Set<Long> expected = new HashSet<>();
        truth.stream().filter(p -> p.similarity() >= jaccard).forEach(p -> expected.add(key(p.earlier(), p.later())));
        Set<Long> found = new HashSet<>();
        try (NearDuplicates near = new NearDuplicates(jaccard, 0)) {
            sample.earlier.forEach(text -> near.add("train", 0, text, textHash(text)));
            sample.later.forEach(text -> near.add("test", 0, text, textHash(text)));
            near.search("train", List.of("test"),
                    List.of(new EveryPair((later, earlier, similarity) -> found.add(key(earlier, later)))));
        }
        long trueFound = found.stream().filter(expected::contains).count();
        double recall = (double) trueFound / expected.size();
        List<TruePair> atThreshold = truth.stream().filter(p -> p.similarity() >= jaccard && p.similarity() < jaccard + 0.05)
                .toList();
        long atThresholdFound = atThreshold.stream().filter(p -> found.contains(key(p.earlier(), p.later()))).count();
        System.out.printf(Locale.ROOT, "near-duplicate search at Jaccard %.2f (%s): %d true pairs, %d found, recall %.4f,"
                        + " precision %.4f; pairs in [%.2f, %.2f): %d, recall %.4f%n", jaccard, LshBands.forThreshold(jaccard),
                expected.size(), found.size(), recall, (double) trueFound / found.size(), jaccard, jaccard + 0.05,
                atThreshold.size(), (double) atThresholdFound / atThreshold.size());
        assertThat(found).isSubsetOf(expected);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat((double) atThresholdFound / atThreshold.size()).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * The search cut into band ranges run at once on threads of their own, as a run completes its checks, finds what one
     * search of all bands finds: the same matched rows, and for each shown row the same most similar earlier row,
     * which is one of the most similar by brute force.
     */
    @ParameterizedTest(name = "{0} parts")
    @CsvSource({"2", "3", "17"})
    void aSearchInPartsRunAtOnceFindsWhatOneSearchFinds(int parts) throws Exception {
        int shown = 2_000;
        NearMatches whole;
        try (NearDuplicates near = sampleSearch(shown)) {
            whole = near.matches("train", "test");
        }
        NearMatches inParts;
        try (NearDuplicates near = sampleSearch(shown)) {
            List<Runnable> searches = near.searchParts(parts, Long.MAX_VALUE);
            assertThat(searches).hasSize(parts);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(parts);
            try {
                for (var done : pool.invokeAll(searches.stream().map(java.util.concurrent.Executors::callable).toList())) {
                    done.get();
                }
            } finally {
                pool.shutdown();
            }
            near.mergeParts();
            inParts = near.matches("train", "test");
        }
        Map<Integer, Double> best = new HashMap<>();
        truth.stream().filter(p -> p.similarity() >= 0.8).forEach(p -> best.merge(p.later(), p.similarity(), Math::max));
        assertThat(inParts.found()).isEqualTo(whole.found()).isGreaterThan(shown);
        int checked = 0;
        for (int later = 0; later < sample.later.size(); later++) {
            assertThat(inParts.partner(later) >= 0).isEqualTo(whole.partner(later) >= 0);
            assertThat(Double.valueOf(inParts.similarity(later))).isEqualTo(Double.valueOf(whole.similarity(later)));
            if (!Double.isNaN(inParts.similarity(later))) {
                checked++;
                assertThat(inParts.partner(later)).isEqualTo(whole.partner(later));
                assertThat(truth).contains(new TruePair(inParts.partner(later), later, best.get(later)));
            }
        }
        assertThat(checked).isEqualTo(shown);
    }

    /**
     * Candidates are verified in batches in the earlier split's row order; batches of 3 pairs (verified in the middle of
     * a band, and of a key's rows) find what one batch a band finds: the same matched rows, partners and similarities.
     */
    @Test
    void candidatesVerifiedAFewAtATimeFindWhatOneBatchABandFinds() {
        int shown = 2_000;
        NearMatches oneBatch;
        try (NearDuplicates near = sampleSearch(shown)) {
            oneBatch = near.matches("train", "test");
        }
        NearMatches fewAtATime;
        try (NearDuplicates near = sampleSearch(shown, 3)) {
            fewAtATime = near.matches("train", "test");
        }
        assertThat(fewAtATime.found()).isEqualTo(oneBatch.found()).isGreaterThan(shown);
        for (int later = 0; later < sample.later.size(); later++) {
            assertThat(fewAtATime.matched(later)).as("row %d", later).isEqualTo(oneBatch.matched(later));
            assertThat(fewAtATime.partner(later)).as("row %d", later).isEqualTo(oneBatch.partner(later));
            assertThat(Double.valueOf(fewAtATime.similarity(later))).isEqualTo(Double.valueOf(oneBatch.similarity(later)));
        }
    }

    /**
     * One part holds up to 3 bytes a later row and 2 an earlier one: for the sample, 3 x 14,484 + 2 x 5,793 =
     * 55,038 bytes. The parts run at once are one per core while a quarter of the heap holds them, at least one.
     */
    @ParameterizedTest(name = "{0} cores, heap of {1} bytes: {2} parts")
    @CsvSource({"8, 440304, 2", "8, 440303, 1", "8, 1, 1", "3, 9223372036854775807, 3", "2, 536870912, 2"})
    void fewerPartsRunAtOnceWhenTheHeapIsSmallForTheRows(int cores, long heap, int parts) {
        try (NearDuplicates near = sampleSearch(0)) {
            assertThat(near.searchParts(cores, heap)).hasSize(parts);
        }
        // the benchmark's 10M rows: train (6,875,276) against val and test (2,925,424), 512 MiB, 16 cores: 5 parts
        assertThat(NearDuplicates.partsWithin(16, 512L << 20, 2_925_424, 6_875_276)).isEqualTo(5);
        // 100M rows, 70% train: one part
        assertThat(NearDuplicates.partsWithin(16, 512L << 20, 30_000_000, 70_000_000)).isEqualTo(1);
    }

    /**
     * Two earlier splits (train before val and test, val before test): with a heap whose quarter holds every part, each
     * search is cut into one part per core; with a smaller one the searches run in turn, as one part, and find the same
     * rows (every pair's count compared with that of the roomy heap).
     */
    @Test
    void searchesOfSeveralEarlierSplitsRunInTurnWhenTheHeapIsSmallAndFindTheSame() {
        Map<String, Long> roomy = new TreeMap<>();
        Map<String, Long> small = new TreeMap<>();
        assertThat(searchThreeSplits(Long.MAX_VALUE, 2, roomy)).as("two searches of two parts each").isEqualTo(4);
        assertThat(searchThreeSplits(1, 2, small)).isEqualTo(1);
        assertThat(small).isEqualTo(roomy);
        assertThat(roomy.get("train>test")).isPositive();
        assertThat(roomy.get("train>val")).isPositive();
    }

    /** Runs the parts of a search of train, val and test; returns how many parts there were. */
    private static int searchThreeSplits(long heap, int cores, Map<String, Long> found) {
        try (var near = new NearDuplicates(0.8, 3)) {
            sample.earlier.forEach(text -> near.add("train", 0, text, textHash(text)));
            for (int i = 0; i < sample.later.size(); i++) {
                near.add(i % 2 == 0 ? "val" : "test", 0, sample.later.get(i), textHash(sample.later.get(i)));
            }
            near.plan(List.of(new String[]{"train", "val"}, new String[]{"train", "test"}, new String[]{"val", "test"}));
            List<Runnable> parts = near.searchParts(cores, heap);
            parts.forEach(Runnable::run);
            near.mergeParts();
            for (String[] pair : List.of(new String[]{"train", "val"}, new String[]{"train", "test"},
                    new String[]{"val", "test"})) {
                found.put(pair[0] + ">" + pair[1], near.matches(pair[0], pair[1]).found());
            }
            return parts.size();
        }
    }

    private static NearDuplicates sampleSearch(int shown) {
        return sampleSearch(shown, NearDuplicateSearch.MAX_PENDING);
    }

    private static NearDuplicates sampleSearch(int shown, int maxPending) {
        var near = new NearDuplicates(0.8, shown, maxPending);
        sample.earlier.forEach(text -> near.add("train", 0, text, textHash(text)));
        sample.later.forEach(text -> near.add("test", 0, text, textHash(text)));
        near.plan(List.<String[]>of(new String[]{"train", "test"}));
        return near;
    }

    @Test
    void theRuleFlagsTheLaterRowsWithATrueNearDuplicateAndNamesTheirMostSimilarEarlierRow() {
        StringBuilder train = new StringBuilder("id,text\n");
        IntStream.range(0, sample.earlier.size()).forEach(i -> train.append(i).append(',').append(quoted(sample.earlier.get(i))).append('\n'));
        StringBuilder test = new StringBuilder("id,text\n");
        IntStream.range(0, sample.later.size()).forEach(i -> test.append(i).append(',').append(quoted(sample.later.get(i))).append('\n'));
        var fixture = RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                columns: {id: id, inputs: [text]}
                rules:
                  - {name: near, kind: split_leakage, modes: [near], max_evidence: 100000,
                     normalise: {case: false, whitespace: false, punctuation: false, unicode: false}}
                """).snapshot("s1", Map.of("train.csv", train.toString(), "test.csv", test.toString()));
        RuleResult result = RuleFixture.of(fixture.run("s1"), "near").get(0);

        Map<Integer, Double> best = new HashMap<>();
        truth.stream().filter(p -> p.similarity() >= 0.8).forEach(p -> best.merge(p.later(), p.similarity(), Math::max));
        Set<Integer> flagged = new HashSet<>();
        for (Evidence evidence : result.evidence()) {
            int later = (int) evidence.line() - 2;
            int earlier = Integer.parseInt(evidence.values().get("in_train").replace("train.csv, line ", "")) - 2;
            flagged.add(later);
            assertThat(best).containsKey(later);
            // the named earlier row is one of the most similar (brute force), with that similarity
            assertThat(truth).contains(new TruePair(earlier, later, best.get(later)));
            assertThat(evidence.values().get("similarity")).isEqualTo(String.format(Locale.ROOT, "%.2f", best.get(later)));
        }
        double recall = (double) flagged.size() / best.size();
        System.out.printf(Locale.ROOT, "split_leakage near at 0.8: %d of %d later rows have a true near-duplicate,"
                + " %d flagged, recall %.4f, precision 1%n", best.size(), sample.later.size(), flagged.size(), recall);
        assertThat(result.observed()).isEqualTo((double) flagged.size() / sample.later.size());
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }

    /** The hash the rule gives a row's text: the fingerprint of its one normalised input. */
    private static long textHash(String text) {
        return Fingerprint.of(List.of(text));
    }

    private static long key(int earlier, int later) {
        return (long) earlier << 32 | later;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * Every pair at least {@code lowest} similar. The intersection of every pair of string shingle sets is
     * counted through an inverted index (each shingle's earlier texts), so pairs without a common shingle
     * (similarity 0) cost nothing.
     */
    private static List<TruePair> pairsAtLeast(List<String> earlier, List<String> later, double lowest) {
        Map<String, Integer> ids = new HashMap<>();
        int[][] earlierSets = earlier.stream().map(text -> set(text, ids)).toArray(int[][]::new);
        int[][] laterSets = later.stream().map(text -> set(text, ids)).toArray(int[][]::new);
        int[] postingCount = new int[ids.size()];
        Arrays.stream(earlierSets).flatMapToInt(Arrays::stream).forEach(shingle -> postingCount[shingle]++);
        int[][] postings = new int[ids.size()][];
        IntStream.range(0, ids.size()).forEach(shingle -> postings[shingle] = new int[postingCount[shingle]]);
        Arrays.fill(postingCount, 0);
        for (int i = 0; i < earlierSets.length; i++) {
            for (int shingle : earlierSets[i]) {
                postings[shingle][postingCount[shingle]++] = i;
            }
        }
        List<TruePair> pairs = new ArrayList<>();
        int[] common = new int[earlierSets.length];
        for (int j = 0; j < laterSets.length; j++) {
            Arrays.fill(common, 0);
            for (int shingle : laterSets[j]) {
                for (int i : postings[shingle]) {
                    common[i]++;
                }
            }
            for (int i = 0; i < earlierSets.length; i++) {
                double similarity = (double) common[i] / (earlierSets[i].length + laterSets[j].length - common[i]);
                if (similarity >= lowest) {
                    pairs.add(new TruePair(i, j, similarity));
                }
            }
        }
        return pairs;
    }

    private static int[] set(String text, Map<String, Integer> ids) {
        return IntStream.range(0, Math.max(1, text.length() - 4))
                .map(i -> ids.computeIfAbsent(text.substring(i, Math.min(text.length(), i + 5)), s -> ids.size()))
                .sorted().distinct().toArray();
    }

}
