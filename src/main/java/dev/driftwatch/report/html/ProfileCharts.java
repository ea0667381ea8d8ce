package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.profile.Bin;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.LabelSummary;
import dev.driftwatch.engine.profile.NumericSummary;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.RuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The charts of one run drawn from its profile, its reference's profile and its results: missing values
 * per column and split, drift per column, numeric columns against the reference, and the most frequent
 * values. Each method returns the HTML of zero or more chart cards. Stateless.
 */
final class ProfileCharts {
    private static final int TOP_VALUES = 12;
    private static final int BUCKETS = 20;

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

    /**
     * Drift per column (results of kind distribution_shift), one chart per method, each bar the quantity the
     * result was judged by, higher meaning more drift: the distance of an effect size (wasserstein, psi, js), 1 -
     * the adjusted p-value of a test (ks, chi2), the unseen-word share of oov; the threshold is the marker.
     */
    static String drift(List<RuleResult> results) {
        Map<String, List<RuleResult>> byMethod = new LinkedHashMap<>();
        results.stream().filter(r -> r.kind().equals("distribution_shift") && r.column() != null && r.observed() != null)
                .forEach(r -> byMethod.computeIfAbsent(r.check() == null ? "drift" : r.check(), m -> new ArrayList<>()).add(r));
        StringBuilder out = new StringBuilder();
        byMethod.forEach((method, drift) -> {
            List<String> labels = drift.stream().map(r -> r.column() + (r.split() == null ? "" : " (" + r.split() + ")")).toList();
            boolean test = drift.stream().anyMatch(r -> r.measure() != null && r.measure().isTest());
            String quantity = test ? "1 − adjusted p-value" : method.equals("oov") ? "unseen-word share" : "distance";
            BarChart chart = BarChart.of(labels).style(NumberStyle.DECIMAL)
                    .series(method + ": " + quantity, drift.stream().map(RuleResult::observed).toList());
            List<Double> thresholds = drift.stream().map(RuleResult::threshold).filter(t -> t != null).distinct().toList();
            if (thresholds.size() == 1) {
                chart.marker(thresholds.get(0), "threshold " + Html.number(thresholds.get(0)));
            }
            out.append(HtmlPage.chartCard("Drift per column: " + method + " (" + quantity + ")", chart.svg(), test
                    ? "Each bar is 1 − the Benjamini–Hochberg adjusted p-value of the " + method + " test: higher is more "
                    + "drift, and a column drifts from 1 − the false-discovery rate on. Statistics and p-values are in the results."
                    : "Each bar is the " + method + " " + quantity + " against the reference: higher is more drift."));
        });
        return out.toString();
    }

    /** For each numeric column: its histogram now and in the reference, as shares of values over shared buckets. */
    static String numericColumns(SnapshotProfile profile, SnapshotProfile reference) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            for (ColumnProfile column : split.columns().values()) {
                NumericSummary now = column.numeric();
                if (now == null || now.count() == 0 || column.type() == null || !column.type().isNumeric() || column.distinct() <= 2
                        || looksLikeAnId(column)) {
                    continue;
                }
                NumericSummary before = referenceColumn(reference, split.split(), column.column()).orElse(null);
                double lo = before == null ? now.min() : Math.min(now.min(), before.min());
                double hi = before == null ? now.max() : Math.max(now.max(), before.max());
                int buckets = BUCKETS;
                List<String> labels = new ArrayList<>();
                for (int b = 0; b < buckets; b++) {
                    labels.add(Html.number(lo + (hi - lo) * b / buckets));
                }
                Histogram chart = Histogram.of(labels).style(NumberStyle.PERCENT).series("current", shares(now, lo, hi, buckets));
                if (before != null) {
                    chart.series("reference", shares(before, lo, hi, buckets));
                }
                out.append(HtmlPage.chartCard(column.column() + " in " + split.split(), chart.svg(),
                        String.format(java.util.Locale.ROOT, "Share of values per bucket (lower edge shown). Mean %s, standard deviation %s, median about %s (±1%%), zeros %,d%s.",
                                Html.number(now.mean()), Html.number(now.stdDev()), Html.number(now.quantile(0.5)), now.zeros(),
                                before == null ? "" : "; reference mean " + Html.number(before.mean()))));
            }
        }
        return out.toString();
    }

    /** Whole numbers that are (nearly) all different: an identifier, whose histogram says nothing. */
    private static boolean looksLikeAnId(ColumnProfile column) {
        return column.type() == dev.driftwatch.engine.profile.ValueType.INTEGER && column.distinct() >= 0.95 * column.present();
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

    /** The class distribution of the label in each split, now and in the reference. */
    static String labels(SnapshotProfile profile, SnapshotProfile reference) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            if (split.labels().isEmpty() || split.labels().get().counts().isEmpty()) {
                continue;
            }
            LabelSummary now = split.labels().get();
            List<String> classes = now.counts().keySet().stream().limit(TOP_VALUES).toList();
            BarChart chart = BarChart.of(classes).style(NumberStyle.PERCENT)
                    .series("current", classes.stream().map(c -> now.shares().get(c)).toList());
            Optional<LabelSummary> before = reference == null ? Optional.empty()
                    : reference.split(split.split()).flatMap(SplitProfile::labels);
            before.ifPresent(b -> chart.series("reference", classes.stream().map(c -> b.shares().getOrDefault(c, 0.0)).toList()));
            out.append(HtmlPage.chartCard("Classes of " + now.column() + " in " + split.split(), chart.svg(),
                    now.exact() ? String.format(java.util.Locale.ROOT, "%d classes; imbalance ratio %s.", now.counts().size(),
                            Html.number(now.imbalanceRatio()))
                            : String.format(java.util.Locale.ROOT, "At least %,d classes; counts are estimates up to %,d rows "
                            + "too high; imbalance ratio about %s.", now.counts().size(), now.maxError(),
                            Html.number(now.imbalanceRatio()))));
        }
        return out.toString();
    }

    /** The most frequent values of each column that has few distinct values (labels, categories). */
    static String frequentValues(SnapshotProfile profile) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            for (ColumnProfile column : split.columns().values()) {
                if (column.topValues().isEmpty() || column.text() != null || column.distinct() > 50
                        || split.tags().map(t -> t.column().equals(column.column())).orElse(false) || (column.type() != null && column.type().isNumeric()
                        && column.distinct() > 12)) {
                    continue;
                }
                List<ValueCount> top = column.topValues().subList(0, Math.min(TOP_VALUES, column.topValues().size()));
                BarChart chart = BarChart.of(top.stream().map(ValueCount::value).toList())
                        .series(split.split(), top.stream().map(v -> (double) v.count()).toList());
                out.append(HtmlPage.chartCard("Most frequent values of " + column.column() + " in " + split.split(), chart.svg(),
                        distinctValues(column)));
            }
        }
        return out.toString();
    }

    /** "136 distinct values." when exact, "About 21,504 (±830) distinct values." when estimated, and the counts' error. */
    static String distinctValues(ColumnProfile column) {
        String distinct = column.distinctFigure().text() + " distinct values.";
        String sentence = Character.toUpperCase(distinct.charAt(0)) + distinct.substring(1);
        var categorical = column.categorical();
        return categorical == null || categorical.exact() ? sentence : sentence + String.format(java.util.Locale.ROOT,
                " Counts are estimates up to %,d rows too high.", categorical.maxError());
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
