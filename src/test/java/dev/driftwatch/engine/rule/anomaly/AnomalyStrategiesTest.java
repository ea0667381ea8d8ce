package dev.driftwatch.engine.rule.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.rule.ExpectedRange;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each strategy's expected range on generated histories with known anomalies. Every expected end comes from
 * src/test/resources/anomaly/expected_ranges.py (numpy's mean and std, SciPy's median_abs_deviation, and
 * Holt–Winters written out in Python from its recurrences), which generates the same series.
 */
class AnomalyStrategiesTest {
    static final double[] LEVEL = {1000, 1012, 995, 1003, 990, 1008, 997, 1005, 1001, 994, 1010, 999};
    static final double[] TREND = IntStream.range(0, 30).mapToDouble(i -> Math.round(10000 * Math.pow(1.005, i)) / 10.0).toArray();
    static final double[] SEASONAL = {100.0, 122.5, 130.0, 129.5, 110.0, 63.5, 50.0, 105.5, 124.0, 133.5, 131.0, 117.5,
            64.0, 56.5, 110.0, 126.5, 139.0, 133.5, 117.0, 71.5, 61.0, 107.5, 131.0, 142.5, 139.0, 121.5, 73.0, 61.5};

    private static void assertRange(ExpectedRange range, double lower, double upper) {
        assertThat(range.lower()).isCloseTo(lower, within(1e-9));
        assertThat(range.upper()).isCloseTo(upper, within(1e-9));
    }

    @Test
    void zScoreFlagsALevelShiftAsDeequsOnlineNormalStrategyWould() {
        ExpectedRange shifted = new OnlineNormalStrategy(3).expected(LEVEL, 1300);
        assertRange(shifted, 784.5440301918838, 1263.7636621158085);
        assertThat(shifted.contains(1300)).isFalse();
        ExpectedRange usual = new OnlineNormalStrategy(3).expected(LEVEL, 1006);
        assertRange(usual, 982.578834547898, 1020.498088529025);
        assertThat(usual.contains(1006)).isTrue();
    }

    @Test
    void theRobustStrategyCentresOnTheMedianWithTheNormalScaledMad() {
        ExpectedRange range = new RobustStrategy(3.5).expected(LEVEL, 1300);
        assertRange(range, 974.554461176152, 1026.445538823848);
        assertThat(range.contains(1300)).isFalse();
    }

    @Test
    void aSlowTrendPassesEveryChangeAndZScoreFlagsItOnlyWithATighterBand() {
        double last = TREND[TREND.length - 1];
        double[] before = java.util.Arrays.copyOf(TREND, TREND.length - 1);
        assertThat(last).isEqualTo(1155.6);
        assertThat(new RelativeChangeStrategy(null, 0.01).expected(before, last).contains(last)).isTrue();
        assertRange(new OnlineNormalStrategy(3).expected(before, last), 936.6697829052932, 1215.3502170947067);
        ExpectedRange tight = new OnlineNormalStrategy(1.5).expected(before, last);
        assertRange(tight, 1006.3398914526466, 1145.6801085473533);
        assertThat(tight.contains(last)).isFalse();
        assertRange(new RobustStrategy(3.5).expected(before, last), 874.5949941622772, 1270.0050058377226);
    }

    @Test
    void theSeasonalStrategyFlagsAValueUsualOnlyOnAnotherWeekday() {
        ExpectedRange range = new SeasonalStrategy(7, 0.3, 0.05, 0.2, 3).expected(SEASONAL, 135);
        assertRange(range, 104.8813938625437, 120.7201197151209);
        assertThat(range.contains(135)).isFalse();
        assertThat(range.contains(113)).isTrue();
        assertRange(new OnlineNormalStrategy(3).expected(SEASONAL, 130), 18.932766741788612, 194.99826774097002);
    }

    @Test
    void fittedSmoothingFactorsForecastTheSeasonAtLeastAsWellAsGivenOnes() {
        SeasonalStrategy fitted = new SeasonalStrategy(7, null, null, null, 3);
        HoltWinters model = fitted.fitted(SEASONAL);
        double given = new HoltWinters(0.3, 0.05, 0.2, 7).forecast(SEASONAL).squares();
        assertThat(model.forecast(SEASONAL).squares()).isLessThanOrEqualTo(given);
        ExpectedRange range = fitted.expected(SEASONAL, 135);
        assertThat(range.contains(135)).isFalse();
        assertThat(range.contains(113)).isTrue();
    }

    @Test
    void changeStrategiesBoundByThePreviousValue() {
        assertThat(new AbsoluteChangeStrategy(5.0, 10.0).expected(LEVEL, 0)).isEqualTo(new ExpectedRange(994, 1009));
        assertThat(new RelativeChangeStrategy(null, 0.5).expected(new double[] {0.1, 0.2}, 0))
                .isEqualTo(new ExpectedRange(Double.NEGATIVE_INFINITY, 0.30000000000000004));
        assertThatThrownBy(() -> new RelativeChangeStrategy(null, null))
                .hasMessage("expected max_decrease or max_increase but found neither");
        assertThatThrownBy(() -> new AbsoluteChangeStrategy(-1.0, null)).hasMessage("max_decrease: expected 0 or more but found -1.0");
        assertThatThrownBy(() -> new SeasonalStrategy(1, null, null, null, 3)).hasMessage("period: expected 2 or more but found 1");
    }
}
