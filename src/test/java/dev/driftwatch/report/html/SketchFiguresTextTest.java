package dev.driftwatch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.report.ExampleRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report says "about N (±e)" for an estimated figure, and never "about" for an exact one. */
class SketchFiguresTextTest {
    /** Column few: value i % 30 (30 distinct values); many: value i (10,000 distinct values). */
    private static SnapshotProfile profile() {
        var header = new Header(List.of("few", "many"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new Row(header, new Object[] {"f" + i % 30, "m" + i}, "all", "test", i + 2));
        }
        var roles = new ColumnRoles(null, List.of(), null, null, List.of(), List.of("few", "many"), List.of(), List.of(),
                Map.of());
        return new Profiler(2).profile(rows, ProfileRequest.builder(roles).build(), null);
    }

    @Test
    void anExactDistinctCountIsStatedAndAnEstimatedOneSaysAboutWithItsError() {
        SnapshotProfile profile = profile();
        ColumnProfile few = profile.split("all").orElseThrow().column("few").orElseThrow();
        ColumnProfile many = profile.split("all").orElseThrow().column("many").orElseThrow();

        assertThat(FrequentValueCharts.distinctValues(few)).isEqualTo("30 distinct values.");
        assertThat(many.distinctFigure().exact()).isFalse();
        assertThat(many.distinctFigure().contains(10_000)).as("%s holds 10,000", many.distinctFigure()).isTrue();
        assertThat(FrequentValueCharts.distinctValues(many)).isEqualTo(String.format(java.util.Locale.ROOT,
                "About %,d (±%,d) distinct values. Counts are estimates up to %,d rows too high.",
                many.distinct(), many.distinctFigure().error(), many.categorical().maxError()));
    }

    @Test
    void theExactDuplicateCountAndTheExactMediansOfDeclaredNumericColumnsAreStatedWithoutAbout() {
        String html = RunReportPage.document(ExampleRuns.pima(), null, null, "");

        assertThat(html).contains("<dt>Duplicate rows</dt><dd>0</dd>");
        // python3 statistics.median over pima-03.csv without its missing token 0: Glucose 117 (763 values), BMI 32.3 (757)
        assertThat(html).contains(", median 117, ", ", median 32.30, ").doesNotContain("median about");
    }
}
