package dev.driftwatch.engine.rule.drift.ks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The SciPy ports give SciPy 1.17.1's figures. Every expected value below was printed by SciPy itself:
 * {@code stats.kstwo.sf(x, n)}, {@code special.smirnov(n, x)} and
 * {@code stats._stats_py._attempt_exact_2kssamp(n1, n2, math.gcd(n1, n2), d, 'two-sided')}.
 */
class KolmogorovSmirnovPortsTest {
    /** n, x, kstwo.sf(x, n): one case per branch of _kolmogn (Ruben-Gambino, Smirnov, Durbin, Pelz-Good). */
    private static final double[][] KSTWO_SF = {
            {50, 0.015, 1.0},
            {1000, 0.0008, 1.0},
            {10, 0.95, 1.9531250000000172e-13},
            {30, 0.6, 7.392006292214292e-11},
            {2000, 0.5, 0.0},
            {100, 0.05, 0.9532159710635725},
            {100, 0.15, 0.019839242125641813},
            {100, 0.25, 5.408871776434847e-06},
            {10854, 0.02, 0.0003341295027752365},
            {5000, 0.025, 0.0037948405200437306},
            {10000, 0.2, 0.0},
            {10000, 0.001, 1.0},
            {500, 0.01, 0.9999999991073389},
            {10854, 0.0027345668420516445, 0.9999974102143717},
            {200000, 0.002, 0.39995085369038097},
            {10000, 0.01, 0.2682191277029192},
            {2000000, 0.0012, 0.006297183259583361},
            {141, 0.1, 0.11128445516467944},
            {1000000, 0.0016, 0.011939282537735608},
            {140, 0.3, 1.1370251710737309e-11},
    };

    /** n, x, special.smirnov(n, x). */
    private static final double[][] SMIRNOV = {
            {100, 0.2, 0.0002775963664037337},
            {10854, 0.02, 0.00016706475138761825},
            {1000000, 0.0016, 0.005969641268867804},
            {30, 0.6, 3.696003146107146e-11},
            {2000000, 0.0012, 0.0031485916297916807},
            {500, 0.07, 0.007084160100095355},
    };

    /** n1, n2, d, then the rounded d and exact p-value of _attempt_exact_2kssamp. */
    private static final double[][] EXACT = {
            {384, 384, 0.0390625, 0.0390625, 0.931822562330393},
            {891, 417, 0.039370523782993806, 0.039370523782993806, 0.7512564942991772},
            {445, 446, 0.046248803345593795, 0.046248803345593795, 0.6994013310981964},
            {1, 3, 0.6666666666666666, 0.6666666666666666, 1.0},
            {200, 200, 0.15, 0.15, 0.0220923622208589},
            {10000, 10000, 0.0123, 0.0123, 0.43585275359069964},
            {10000, 9999, 0.02, 0.02, 0.03589605170521495},
            {3, 1000, 0.9, 0.9, 0.002109531592937657},
            {7, 13, 0.5, 0.5054945054945055, 0.11127450980392158},
            {5000, 10000, 0.03, 0.03, 0.004922151540279541},
            {100, 7, 0.42857142857142855, 0.42857142857142855, 0.13032374470425248},
    };

    @Test
    void theTwoSidedDistributionIsSciPysKstwoInEveryBranch() {
        for (double[] c : KSTWO_SF) {
            assertThat(KolmogorovDistribution.sf((long) c[0], c[1])).as("kstwo.sf(%s, %s)", c[1], c[0])
                    .isCloseTo(c[2], within(1e-12 + 1e-9 * c[2]));
        }
    }

    @Test
    void theOneSidedDistributionIsSciPysSmirnovToTenDigits() {
        for (double[] c : SMIRNOV) {
            assertThat(SmirnovDistribution.sf((long) c[0], c[1])).as("smirnov(%s, %s)", c[0], c[1])
                    .isCloseTo(c[2], within(1e-10 * c[2]));
        }
    }

    @Test
    void theExactTwoSamplePValueIsSciPys() {
        for (double[] c : EXACT) {
            double[] result = TwoSampleExact.attempt((int) c[0], (int) c[1], c[2]);
            assertThat(result[0]).as("d of %s x %s", c[0], c[1]).isCloseTo(c[3], within(1e-15));
            assertThat(result[1]).as("p of %s x %s at %s", c[0], c[1], c[2]).isCloseTo(c[4], within(1e-12));
        }
    }
}
