package dev.driftwatch.report.html;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.profile.CategoricalSummary;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.List;

/**
 * The most frequent values of each column that holds labels rather than measurements (few distinct values, a
 * declared category, an identifier), and with a reference the share of the same values there. Stateless.
 */
final class FrequentValueCharts {
    private static final int TOP_VALUES = 12;

    private FrequentValueCharts() {
    }

    static String html(SnapshotProfile profile, ChartReference reference, ColumnRoles roles) {
        return html(profile, reference, roles, column -> true);
    }

    /** @param shown which columns to draw */
    static String html(SnapshotProfile profile, ChartReference reference, ColumnRoles roles,
                       java.util.function.Predicate<String> shown) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            for (ColumnProfile column : split.columns().values()) {
                if (!shown.test(column.column()) || column.topValues().isEmpty() || column.text() != null
                        || split.tags().map(t -> t.column().equals(column.column())).orElse(false)) {
                    continue;
                }
                boolean labels = NumericColumnCharts.drawnAsFrequencies(column, roles);
                if (!labels && (column.distinct() > 50 || (column.type() != null && column.type().isNumeric() && column.distinct() > 12))) {
                    continue;
                }
                CategoricalSummary before = reference.of(split.split()).flatMap(s -> s.column(column.column()))
                        .map(ColumnProfile::categorical).filter(c -> c.total() > 0).orElse(null);
                out.append(card(split.split(), column, before, reference.name()));
            }
        }
        return out.toString();
    }

    private static String card(String split, ColumnProfile column, CategoricalSummary before, String referenceName) {
        List<ValueCount> top = column.topValues().subList(0, Math.min(TOP_VALUES, column.topValues().size()));
        BarChart chart = BarChart.of(top.stream().map(ValueCount::value).toList());
        String heading = "Most frequent values of " + column.column() + " in " + split;
        if (before == null) {
            chart.series(split, top.stream().map(v -> (double) v.count()).toList());
            return HtmlPage.chartCard(heading, chart.svg(), distinctValues(column));
        }
        long present = column.categorical().total();
        chart.style(NumberStyle.PERCENT)
                .series("current", top.stream().map(v -> (double) v.count() / present).toList())
                .series(referenceName, top.stream().map(v -> (double) before.count(v.value()) / before.total()).toList());
        return HtmlPage.chartCard(heading + " against the " + referenceName, chart.svg(),
                "Share of present values. " + distinctValues(column));
    }

    /** "136 distinct values." when exact, "About 21,504 (±830) distinct values." when estimated, and the counts' error. */
    static String distinctValues(ColumnProfile column) {
        String distinct = column.distinctFigure().text() + " distinct values.";
        String sentence = Character.toUpperCase(distinct.charAt(0)) + distinct.substring(1);
        var categorical = column.categorical();
        return categorical == null || categorical.exact() ? sentence : sentence + String.format(java.util.Locale.ROOT,
                " Counts are estimates up to %,d rows too high.", categorical.maxError());
    }
}
