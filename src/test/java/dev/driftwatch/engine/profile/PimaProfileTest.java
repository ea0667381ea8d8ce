package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.dataset.ColumnRoles;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The profile of the real Pima table (768 rows), zeros declared missing in five columns. Expected values
 * were computed with awk and Python over diabetes.csv, e.g.
 * {@code awk -F, 'NR>1{if($2==0)g++;...}'} and {@code statistics.mean/stdev} over the non-zero values.
 */
class PimaProfileTest {
    private static final List<String> ZERO_MEANS_MISSING = List.of("Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI");
    private static SplitProfile all;

    @BeforeAll
    static void profile() {
        var tokens = new java.util.HashMap<String, List<String>>();
        ZERO_MEANS_MISSING.forEach(column -> tokens.put(column, List.of("0")));
        ColumnRoles roles = new ColumnRoles(null, List.of(), "Outcome", null, List.of(), List.of(), List.of(), List.of(), tokens);
        SnapshotProfile profile = TestSnapshots.profile(TestSnapshots.resource("datasets/pima/diabetes.csv"), roles, 2);
        assertThat(profile.rows()).isEqualTo(768);
        all = profile.split("all").orElseThrow();
    }

    @Test
    void zerosCountAsMissingInTheFiveMeasuredColumns() {
        Map<String, Long> expected = Map.of("Glucose", 5L, "BloodPressure", 35L, "SkinThickness", 227L, "Insulin", 374L, "BMI", 11L);
        expected.forEach((column, zeros) -> {
            ColumnProfile profile = all.column(column).orElseThrow();
            assertThat(profile.missing()).as(column).isEqualTo(zeros);
            assertThat(profile.missingByReason()).as(column).containsExactly(Map.entry("token:0", zeros));
            assertThat(profile.missingRatio()).as(column).isCloseTo(zeros / 768.0, within(1e-12));
        });
        assertThat(all.column("Pregnancies").orElseThrow().missing()).isZero();
    }

    @Test
    void glucoseMomentsAreThoseOfTheMeasuredValues() {
        // python: g = non-zero Glucose; len 763, mean 121.6867627785059, stdev 30.535641072804033, 44..199
        NumericSummary glucose = all.column("Glucose").orElseThrow().numeric();
        assertThat(glucose.count()).isEqualTo(763);
        assertThat(glucose.mean()).isCloseTo(121.6867627785059, within(1e-9));
        assertThat(glucose.stdDev()).isCloseTo(30.535641072804033, within(1e-9));
        assertThat(glucose.min()).isEqualTo(44);
        assertThat(glucose.max()).isEqualTo(199);
        assertThat(glucose.zeros()).isZero();
        assertThat(glucose.negatives()).isZero();
    }

    @Test
    void glucoseQuantilesAreWithinOnePercentOfTheExactOnes() {
        // python: sorted non-zero Glucose at index floor(q*(n-1)): 1%: 67, 5%: 80, 25%: 99, 50%: 117, 75%: 141, 95%: 181, 99%: 196
        NumericSummary glucose = all.column("Glucose").orElseThrow().numeric();
        double[] ranks = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
        double[] exact = {67, 80, 99, 117, 141, 181, 196};
        for (int i = 0; i < ranks.length; i++) {
            assertThat(glucose.quantile(ranks[i])).as("rank " + ranks[i]).isCloseTo(exact[i], Offset.offset(exact[i] * 0.0101 + 1));
        }
        assertThat(glucose.cdf(117)).isCloseTo(0.5, within(0.03));
        assertThat(glucose.cdf(199)).isEqualTo(1.0);
        assertThat(glucose.cdf(43)).isEqualTo(0.0);
        assertThat(glucose.bins().stream().mapToLong(Bin::count).sum()).isEqualTo(763);
        assertThat(glucose.histogram(10).stream().mapToLong(Bin::count).sum()).isEqualTo(763);
    }

    @Test
    void insulinOutliersFollowTheIqrRule() {
        // python over the 394 non-zero Insulin values: q1 76, q3 190, 24 values outside [q1 - 1.5 iqr, q3 + 1.5 iqr]
        NumericSummary insulin = all.column("Insulin").orElseThrow().numeric();
        assertThat(insulin.count()).isEqualTo(394);
        assertThat(insulin.upperFence()).isCloseTo(190 + 1.5 * 114, Offset.offset(8.0));
        assertThat(insulin.iqrOutliers()).isBetween(20L, 28L);
    }

    @Test
    void distinctCountsAreWithinTheSketchError() {
        // python: len(set(non-zero Glucose texts)) = 135, BMI = 247
        assertThat(all.column("Glucose").orElseThrow().distinct()).isCloseTo(135, Offset.offset(3L));
        assertThat(all.column("BMI").orElseThrow().distinct()).isCloseTo(247, Offset.offset(5L));
    }

    @Test
    void typesAreInferredAndNothingIsMixed() {
        assertThat(all.column("Glucose").orElseThrow().type()).isEqualTo(ValueType.INTEGER);
        assertThat(all.column("BMI").orElseThrow().type()).isEqualTo(ValueType.DECIMAL);
        assertThat(all.column("BMI").orElseThrow().mismatched()).isZero();
    }

    @Test
    void outcomeClassesAndImbalanceRatio() {
        // python: Counter(Outcome) = {'0': 500, '1': 268}
        LabelSummary labels = all.labels().orElseThrow();
        assertThat(labels.counts()).containsExactly(Map.entry("0", 500L), Map.entry("1", 268L));
        assertThat(labels.imbalanceRatio()).isCloseTo(500 / 268.0, within(1e-12));
        assertThat(labels.minorityShare()).isCloseTo(268 / 768.0, within(1e-12));
    }
}
