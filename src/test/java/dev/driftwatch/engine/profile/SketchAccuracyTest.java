package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sketches keep their stated error bounds against exact answers computed in the test. */
class SketchAccuracyTest {
    @Test
    void quantilesAreWithinOnePercentOfTheExactValueOfThatRank() {
        var random = new Random(1);
        var numbers = new NumberStream();
        double[] values = new double[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(random.nextGaussian() * 2) * (random.nextInt(10) == 0 ? -1 : 1);
            numbers.add(values[i]);
        }
        Arrays.sort(values);
        NumericSummary summary = numbers.summary();
        for (double rank : new double[] {0.001, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999}) {
            double exact = values[(int) (rank * (values.length - 1))];
            assertThat(summary.quantile(rank)).as("rank " + rank).isCloseTo(exact, within(Math.abs(exact) * 0.0101));
        }
        assertThat(summary.quantile(0)).isEqualTo(values[0]);
        assertThat(summary.quantile(1)).isEqualTo(values[values.length - 1]);
        assertThat(summary.negatives()).isEqualTo(Arrays.stream(values).filter(v -> v < 0).count());
        assertThat(summary.cdf(0)).isCloseTo((double) summary.negatives() / values.length, within(1e-12));
    }

    @Test
    void theHistogramStaysWithinItsBinBoundForAHugeRange() {
        var histogram = new LogHistogram();
        for (int exponent = -300; exponent <= 300; exponent++) {
            histogram.add(Math.pow(10, exponent));
        }
        assertThat(histogram.count()).isEqualTo(601);
        assertThat(histogram.bins().size()).isLessThanOrEqualTo(LogHistogram.MAX_BINS);
        assertThat(histogram.bins().get(histogram.bins().size() - 1).value()).isCloseTo(1e300, within(1e298));
    }

    @Test
    void frequentValueCountsAreNeverBelowTheTruthNorAboveItByMoreThanTheError() {
        var random = new Random(2);
        var counter = new FrequencyCounter(100);
        Map<String, Long> exact = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String value = "v" + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 5_000);
            counter.update(value);
            exact.merge(value, 1L, Long::sum);
        }
        assertThat(counter.isExact()).isFalse();
        assertThat(counter.maxError()).isLessThanOrEqualTo(2 * 100_000 / 100);
        for (ValueCount top : counter.top(10)) {
            long truth = exact.get(top.value());
            assertThat(top.count()).isBetween(truth, truth + counter.maxError());
        }
        exact.forEach((value, truth) -> {
            if (truth > counter.maxError()) {
                assertThat(counter.estimate(value)).as(value).isGreaterThanOrEqualTo(truth);
            }
        });
    }

    @Test
    void distinctCountsAreWithinFourStandardErrors() {
        for (int n : new int[] {10, 1_000, 100_000}) {
            var distinct = new DistinctCounter();
            for (int i = 0; i < n; i++) {
                distinct.update("value-" + i);
                distinct.update("value-" + i);
            }
            assertThat((double) distinct.estimate()).as("n=" + n).isCloseTo(n, within(Math.max(1, n * 0.065)));
        }
    }

    @Test
    void spellingsThatNormaliseToOneValueAreGrouped() {
        var counter = new FrequencyCounter(1000);
        Map.of("IT", 5L, "I.T.", 3L, "it", 2L, "HR", 4L, "Sales", 7L, "sales ", 1L).forEach(counter::update);
        var groups = new CategoricalSummary(counter).spellingGroups();
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).key()).isEqualTo("it");
        assertThat(groups.get(0).count()).isEqualTo(10);
        assertThat(groups.get(0).spellings()).containsExactly(new ValueCount("IT", 5), new ValueCount("I.T.", 3),
                new ValueCount("it", 2));
        assertThat(groups.get(1).key()).isEqualTo("sales");
        assertThat(CategoricalSummary.normalise("Ｉ．Ｔ．")).isEqualTo("it");
    }
}
