package dev.driftwatch.report.html;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.profile.Bin;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.NumericSummary;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For each numeric column that is a measurement (not an identifier, not a declared category): its histogram now
 * and in its reference (a reference snapshot or a reference split), as shares of values over shared buckets.
 * Stateless.
 */
final class NumericColumnCharts {
    private static final int BUCKETS = 20;

    private NumericColumnCharts() {
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
                if (!shown.test(column.column())) {
                    continue;
                }
                NumericSummary now = column.numeric();
                if (now == null || now.count() == 0 || column.type() == null || !column.type().isNumeric() || column.distinct() <= 2
                        || drawnAsFrequencies(column, roles)) {
                    continue;
                }
                NumericSummary before = reference.of(split.split()).flatMap(s -> s.column(column.column()))
                        .map(ColumnProfile::numeric).filter(n -> n.count() > 0).orElse(null);
                out.append(card(split.split(), column.column(), now, before, reference.name()));
            }
        }
        return out.toString();
    }

    private static String card(String split, String column, NumericSummary now, NumericSummary before, String referenceName) {
        double lo = before == null ? now.min() : Math.min(now.min(), before.min());
        double hi = before == null ? now.max() : Math.max(now.max(), before.max());
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            labels.add(Html.number(lo + (hi - lo) * b / BUCKETS));
        }
        Histogram chart = Histogram.of(labels).style(NumberStyle.PERCENT).series("current", shares(now, lo, hi, BUCKETS));
        if (before != null) {
            chart.series(referenceName, shares(before, lo, hi, BUCKETS));
        }
        return HtmlPage.chartCard(column + " in " + split, chart.svg(),
                String.format(Locale.ROOT, "Share of values per bucket (lower edge shown). Mean %s, standard deviation %s, %s, zeros %,d%s.",
                        Html.number(now.mean()), Html.number(now.stdDev()), median(now), now.zeros(),
                        before == null ? "" : "; " + referenceName + " mean " + Html.number(before.mean())));
    }

    /** The exact median when the column kept its values, else the sketch's, within 1%. */
    static String median(NumericSummary summary) {
        return summary.keptEveryValue() ? "median " + Html.number(summary.quantileExactWhereKept(0.5))
                : "median about " + Html.number(summary.quantile(0.5)) + " (±1%)";
    }

    /**
     * Whether a column's values are labels rather than measurements, so its chart counts values: a declared
     * categorical column, or whole numbers that are (nearly) all different (an identifier).
     */
    static boolean drawnAsFrequencies(ColumnProfile column, ColumnRoles roles) {
        return roles.categorical().contains(column.column()) || column.column().equals(roles.id()) || looksLikeAnId(column);
    }

    private static boolean looksLikeAnId(ColumnProfile column) {
        return column.type() == ValueType.INTEGER && column.distinct() >= 0.95 * column.present();
    }

    /** Shares of a summary's values in equal-width buckets over [lo, hi] (each sketch bin counted at its value). */
    static List<Double> shares(NumericSummary summary, double lo, double hi, int buckets) {
        double[] counts = new double[buckets];
        double width = (hi - lo) / buckets;
        for (Bin bin : summary.bins()) {
            double v = Math.max(lo, Math.min(hi, Math.max(summary.min(), Math.min(summary.max(), bin.value()))));
            int b = width == 0 ? 0 : Math.min(buckets - 1, (int) ((v - lo) / width));
            counts[b] += bin.count();
        }
        List<Double> shares = new ArrayList<>();
        for (double c : counts) {
            shares.add(summary.count() == 0 ? 0 : c / summary.count());
        }
        return shares;
    }
}
