package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.NumericSummary;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.RuleResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The charts of one run drawn from its profile, its reference's profile and its results: missing values
 * per column and split, drift per column, numeric columns against the reference, and the most frequent
 * values. Each method returns the HTML of zero or more chart cards. Stateless.
 */
final class ProfileCharts {
    private static final int TOP_VALUES = 12;

    private ProfileCharts() {
    }

    static String missingValues(SnapshotProfile profile) {
        List<String> columns = columns(profile);
        if (columns.isEmpty()) {
            return "";
        }
        BarChart chart = BarChart.of(columns).style(NumberStyle.PERCENT);
        for (SplitProfile split : profile.splits().values()) {
            chart.series(split.split(), columns.stream()
                    .map(c -> split.column(c).map(ColumnProfile::missingRatio).orElse(null)).toList());
        }
        return HtmlPage.chartCard("Missing values per column and split", chart.svg(),
                "Share of rows whose value is null, empty, blank or a declared missing token.");
    }

    /** Observed drift per column (results of kind distribution_shift), with the rule's threshold as the marker. */
    static String drift(List<RuleResult> results) {
        List<RuleResult> drift = results.stream()
                .filter(r -> r.kind().equals("distribution_shift") && r.column() != null && r.observed() != null).toList();
        if (drift.isEmpty()) {
            return "";
        }
        List<String> labels = drift.stream().map(r -> r.column() + (r.split() == null ? "" : " (" + r.split() + ")")).toList();
        BarChart chart = BarChart.of(labels).style(NumberStyle.DECIMAL)
                .series("drift", drift.stream().map(RuleResult::observed).toList());
        drift.stream().map(RuleResult::threshold).filter(t -> t != null).findFirst()
                .ifPresent(t -> chart.marker(t, "threshold " + Html.number(t)));
        return HtmlPage.chartCard("Drift per column", chart.svg(), "The drift statistic each distribution_shift result measured.");
    }

    /** For each numeric column: its quantiles now and in the reference, side by side. */
    static String numericColumns(SnapshotProfile profile, SnapshotProfile reference) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            for (ColumnProfile column : split.columns().values()) {
                if (column.numeric() == null || column.type() == null || !column.type().isNumeric() || column.distinct() <= 2) {
                    continue;
                }
                List<String> bins = new ArrayList<>();
                for (double rank : NumericSummary.RANKS) {
                    bins.add(rank == 0 ? "min" : rank == 1 ? "max" : "p" + Math.round(rank * 100));
                }
                Histogram chart = Histogram.of(bins).style(NumberStyle.DECIMAL).series("current", column.numeric().quantiles());
                referenceColumn(reference, split.split(), column.column()).ifPresent(r -> chart.series("reference", r.quantiles()));
                out.append(HtmlPage.chartCard(column.column() + " in " + split.split() + ": quantiles", chart.svg(),
                        String.format(java.util.Locale.ROOT, "mean %s, standard deviation %s, zeros %,d, negatives %,d.",
                                Html.number(column.numeric().mean()), Html.number(column.numeric().stdDev()),
                                column.numeric().zeros(), column.numeric().negatives())));
            }
        }
        return out.toString();
    }

    /** The most frequent values of each column that has few distinct values (labels, categories). */
    static String frequentValues(SnapshotProfile profile) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            for (ColumnProfile column : split.columns().values()) {
                if (column.topValues().isEmpty() || column.distinct() > 50 || (column.type() != null && column.type().isNumeric()
                        && column.distinct() > 12)) {
                    continue;
                }
                List<ValueCount> top = column.topValues().subList(0, Math.min(TOP_VALUES, column.topValues().size()));
                BarChart chart = BarChart.of(top.stream().map(ValueCount::value).toList())
                        .series(split.split(), top.stream().map(v -> (double) v.count()).toList());
                out.append(HtmlPage.chartCard("Most frequent values of " + column.column() + " in " + split.split(), chart.svg(),
                        "About " + column.distinct() + " distinct values."));
            }
        }
        return out.toString();
    }

    private static java.util.Optional<NumericSummary> referenceColumn(SnapshotProfile reference, String split, String column) {
        if (reference == null) {
            return java.util.Optional.empty();
        }
        return reference.split(split).flatMap(s -> s.column(column)).map(ColumnProfile::numeric);
    }

    private static List<String> columns(SnapshotProfile profile) {
        Set<String> columns = new LinkedHashSet<>();
        profile.splits().values().forEach(s -> columns.addAll(s.columns().keySet()));
        return List.copyOf(columns);
    }

    static String section(String heading, String cards) {
        return cards.isEmpty() ? "" : "<h2>" + escape(heading) + "</h2><div class=\"grid\">" + cards + "</div>";
    }
}
