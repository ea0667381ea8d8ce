package dev.driftwatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.report.ExampleRuns;
import dev.driftwatch.spec.RulesFileLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Titanic (../shared/datasets/titanic, reference {split: train}): the test split's charts are drawn against the train
 * split, and the declared categorical Pclass (whole numbers 1 to 3) is counted, not binned. Figures recounted with
 * python3's csv and statistics modules over train.csv and test.csv.
 */
class ReferenceSplitChartsTest {
    private static final String RULES = "src/test/resources/titanic-real/titanic.yaml";
    private final RunReport run = ExampleRuns.run(RULES, "../shared/datasets/titanic", null);
    private final String html = RunReportPage.document(run, null, new RulesFileLoader().load(Path.of(RULES)).dataset(), null, "");

    @Test
    void theHistogramOfANumericColumnInTheTestSplitOverlaysTheTrainSplit() {
        // Age: mean 29.699 over 714 ages in train.csv, 30.273 over 332 in test.csv
        assertThat(html).contains("<h2>Numeric columns against the split train</h2>");
        String age = card("<h3>Age in test</h3>");
        assertThat(age).contains("Mean 30.27, ", "; split train mean 29.70.", "Histogram: current, split train");
        assertThat(card("<h3>Age in train</h3>")).doesNotContain("split train");
    }

    @Test
    void aDeclaredCategoricalNumberGetsAFrequencyChartComparedWithTheTrainSplitAndNoHistogram() {
        assertThat(html).doesNotContain("<h3>Pclass in test</h3>", "<h3>Pclass in train</h3>");
        // Pclass 3: 218 of 418 in test (52.2%), 491 of 891 in train (55.1%); male: 266 of 418 (63.6%), 577 of 891 (64.8%)
        String pclass = card("<h3>Most frequent values of Pclass in test against the split train</h3>");
        assertThat(pclass).contains("3 · current: 52.2%", "3 · split train: 55.1%");
        String sex = card("<h3>Most frequent values of Sex in test against the split train</h3>");
        assertThat(sex).contains("male · current: 63.6%", "male · split train: 64.8%");
        assertThat(html).contains("<h3>Most frequent values of Sex in train</h3>");
    }

    private String card(String heading) {
        int at = html.indexOf(heading);
        assertThat(at).as(heading).isNotNegative();
        return html.substring(at, html.indexOf("</div>", at));
    }
}
