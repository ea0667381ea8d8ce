package dev.driftwatch.engine.rule.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * distribution_shift on real columns gives SciPy's figures to 1e-9: {@code ks_2samp} (D and its default
 * {@code method='auto'} p-value: exact up to 10,000 values a side, else asymptotic), {@code wasserstein_distance}
 * divided by the reference's {@code np.std(ddof=1)}, and the PSI over the reference's deciles
 * ({@code np.quantile}, right-closed bins, shares floored at 1e-4). Every expected value was printed by python3
 * (SciPy 1.17.1, NumPy 2.4.6) from the same files: {@code python3 src/test/resources/drift/scipy_figures.py}.
 */
class ExactDriftAgainstSciPyTest {
    private static final String ADULT_HEADER = "[age, workclass, fnlwgt, education, education-num, marital-status, "
            + "occupation, relationship, race, sex, capital-gain, capital-loss, hours-per-week, native-country, income]";

    @TempDir
    Path dir;

    /** SciPy's figures for one comparison: D, p, W, W / std(ref, ddof=1), PSI. */
    private record SciPy(double d, double p, double w, double normalisedW, double psi) {
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lines(String text, int from, int to, String header) {
        List<String> all = text.lines().toList();
        return header + "\n" + String.join("\n", all.subList(from, to)) + "\n";
    }

    /** Runs ks, wasserstein and psi on one column, the test split against the train split (or as given). */
    private Map<String, RuleResult> run(String datasetYaml, String column, Map<String, String> files) {
        var fixture = RuleFixture.csv(dir, datasetYaml + """
                rules:
                  - {name: ks, kind: distribution_shift, method: ks, columns: [%1$s]}
                  - {name: wasserstein, kind: distribution_shift, method: wasserstein, columns: [%1$s]}
                  - {name: psi, kind: distribution_shift, method: psi, columns: [%1$s]}
                """.formatted(column)).snapshot("s1", files);
        RunReport report = fixture.run("s1");
        return Map.of("ks", RuleFixture.of(report, "ks").get(0), "wasserstein", RuleFixture.of(report, "wasserstein").get(0),
                "psi", RuleFixture.of(report, "psi").get(0));
    }

    private static String byFile(String column) {
        return """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: {numeric: [%s]}
                """.formatted(column);
    }

    private static void assertSciPy(Map<String, RuleResult> results, SciPy expected) {
        DriftMeasure ks = results.get("ks").measure();
        assertThat(ks.method()).isEqualTo("ks");
        assertThat(ks.statistic()).isCloseTo(expected.d, within(1e-12));
        assertThat(ks.distance()).isCloseTo(expected.d, within(1e-12));
        assertThat(ks.pValue()).isCloseTo(expected.p, within(1e-9 + 1e-9 * expected.p));
        assertThat(ks.adjustedPValue()).isCloseTo(expected.p, within(1e-9 + 1e-9 * expected.p));
        assertThat(ks.exact()).isTrue();
        assertThat(ks.error()).isNull();
        // higher means more drift: observed is 1 - the adjusted p-value, held to 1 - the false-discovery rate
        assertThat(results.get("ks").observed()).isCloseTo(1 - expected.p, within(1e-9));
        assertThat(results.get("ks").threshold()).isCloseTo(0.95, within(1e-12));

        DriftMeasure w = results.get("wasserstein").measure();
        assertThat(w.statistic()).isCloseTo(expected.w, within(1e-9 * Math.max(1, expected.w)));
        assertThat(w.distance()).isCloseTo(expected.normalisedW, within(1e-9));
        assertThat(w.pValue()).isNull();
        assertThat(results.get("wasserstein").observed()).isEqualTo(w.distance());
        assertThat(w.exact()).isTrue();

        DriftMeasure psi = results.get("psi").measure();
        assertThat(psi.statistic()).isCloseTo(expected.psi, within(1e-9));
        assertThat(results.get("psi").observed()).isCloseTo(expected.psi, within(1e-9));
    }

    @Test
    void pimaBmiFirstHalfAgainstSecondHalf() {
        // the 768 rows of diabetes.csv (csv.DictReader), BMI of rows 0-383 against rows 384-767:
        // D 0.0390625, p 0.931822562330393 (exact, n = m), W 0.5294270833333332, W/std 0.06479504860353479,
        // PSI 0.03694065211769075. The 1%-bin sketch gave D 0.031.
        String text = read(SharedDatasets.resolve("pima-diabetes/diabetes.csv"));
        String header = text.lines().findFirst().orElseThrow();
        var results = run(byFile("BMI"), "BMI", Map.of("train.csv", lines(text, 1, 385, header),
                "test.csv", lines(text, 385, 769, header)));
        assertSciPy(results, new SciPy(0.0390625, 0.931822562330393, 0.5294270833333332, 0.06479504860353479,
                0.03694065211769075));
        assertThat(results.get("ks").message()).startsWith("BMI in test is consistent with split train: ks statistic "
                + "0.039, p = 0.932 (0.932 after Benjamini–Hochberg over 1 test)");
    }

    @Test
    void titanicFareTrainAgainstTest() {
        // Fare of train.csv (891) against test.csv (417: one Fare is empty), csv.DictReader:
        // D 0.039370523782993806, p 0.7512564942991772 (exact, n != m), W 4.124585567101871,
        // W/std 0.08300062369485728, PSI 0.027025310171960342. The sketch gave D 0.029, p 0.969.
        Path titanic = SharedDatasets.resolve("titanic");
        var results = run(byFile("Fare"), "Fare", Map.of("train.csv", read(titanic.resolve("train.csv")),
                "test.csv", read(titanic.resolve("test.csv"))));
        assertSciPy(results, new SciPy(0.039370523782993806, 0.7512564942991772, 4.124585567101871,
                0.08300062369485728, 0.027025310171960342));
    }

    @Test
    void titanicFareFirstHalfOfTrainAgainstSecondHalf() {
        // Fare of train.csv rows 0-444 against rows 445-890: D 0.046248803345593795, p 0.6994013310981964,
        // W 2.8990155635612527, W/std 0.058657879563970027, PSI 0.019568825103193722
        String text = read(SharedDatasets.resolve("titanic/train.csv"));
        String header = text.lines().findFirst().orElseThrow();
        var results = run(byFile("Fare"), "Fare", Map.of("train.csv", lines(text, 1, 446, header),
                "test.csv", lines(text, 446, 892, header)));
        assertSciPy(results, new SciPy(0.046248803345593795, 0.6994013310981964, 2.8990155635612527,
                0.058657879563970027, 0.019568825103193722));
    }

    private static String adultByFile() {
        return "format: csv\nheader: " + ADULT_HEADER + "\ntrim_values: true\n" + byFile("capital-gain");
    }

    @Test
    void adultCapitalGainWithItsManyZerosTrainAgainstTest() {
        // capital-gain (field 11 of the 15, stripped) of adult.data (32,561 rows, 29,849 zeros) against
        // adult-test.csv (16,281): D 0.0027345668420516445, p 0.9999974102143717 (asymptotic: kstwo.sf(D, 10854)),
        // W 52.5696490183506, W/std 0.0071181543552298245, PSI 5.455071925433759e-05
        Path adult = SharedDatasets.resolve("uci-adult");
        var results = run(adultByFile(), "capital-gain", Map.of("train.csv", read(adult.resolve("adult.data")),
                "test.csv", read(adult.resolve("adult-test.csv"))));
        assertSciPy(results, new SciPy(0.0027345668420516445, 0.9999974102143717, 52.5696490183506,
                0.0071181543552298245, 5.455071925433759e-05));
    }

    @Test
    void adultCapitalGainFirstHalfAgainstSecondHalf() {
        // adult.data rows 0-16279 against rows 16280-32560: D 0.002144897045394556, p 0.9999999999998841,
        // W 34.970704312784804, W/std 0.0047809257578550705, PSI 3.319040178632151e-05
        String text = read(SharedDatasets.resolve("uci-adult/adult.data"));
        List<String> rows = text.lines().filter(line -> line.split(",").length == 15).toList();
        var results = run(adultByFile(), "capital-gain", Map.of(
                "train.csv", String.join("\n", rows.subList(0, 16_280)) + "\n",
                "test.csv", String.join("\n", rows.subList(16_280, rows.size())) + "\n"));
        assertSciPy(results, new SciPy(0.002144897045394556, 0.9999999999998841, 34.970704312784804,
                0.0047809257578550705, 3.319040178632151e-05));
    }

    @Test
    void adultHoursPerWeekOfWomenAgainstMenIsFarInTheTail() {
        // adult.data split by sex, reference Male (21,790) against Female (10,771), hours-per-week:
        // D 0.21351825642674443, p 7.133826038952015e-289 (asymptotic, 2 smirnov(7208, D)), W 6.01772512315611,
        // W/std 0.4965220008215829, PSI 0.2824550452253879
        String yaml = "format: csv\nheader: " + ADULT_HEADER + """

                trim_values: true
                splits: {by: column, column: sex}
                reference: {split: Male}
                columns: {numeric: [hours-per-week]}
                """;
        var results = run(yaml, "hours-per-week", Map.of("adult.csv", read(SharedDatasets.resolve("uci-adult/adult.data"))));
        assertThat(results.get("ks").split()).isEqualTo("Female");
        assertSciPy(results, new SciPy(0.21351825642674443, 7.133826038952015e-289, 6.01772512315611,
                0.4965220008215829, 0.2824550452253879));
        assertThat(results.get("ks").measure().pValue() / 7.133826038952015e-289).isCloseTo(1, within(1e-9));
        assertThat(results.get("ks").message()).startsWith("hours-per-week in Female changed against split Male");
    }

    @Test
    void tiesCountAsSciPyCountsThem() {
        // stats.ks_2samp([5], [5, 7, 9]) -> D 0.6666666666666666, p 1.0; wasserstein_distance -> 2.0 (the
        // reference's standard deviation is 0, so the distance is not divided); psi -> 6.601444547497699.
        // The sketch gave D 1.0.
        var results = run(byFile("x"), "x", Map.of("train.csv", "x\n5\n", "test.csv", "x\n5\n7\n9\n"));
        assertSciPy(results, new SciPy(0.6666666666666666, 1.0, 2.0, 2.0, 6.601444547497699));
    }
}
