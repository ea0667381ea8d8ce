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
 * per column and split, drift per column and the classes of the label ({@link NumericColumnCharts} and
 * {@link FrequentValueCharts} draw the columns). Each method returns the HTML of zero or more chart cards. Stateless.
 */
final class ProfileCharts {
    private static final int TOP_VALUES = 12;

    private ProfileCharts() {
    }

    static String missingValues(SnapshotProfile profile, java.util.function.Predicate<String> shown) {
        List<String> columns = columns(profile).stream().filter(shown).toList();
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

    /** The class distribution of the label in each split, now and in the reference. */
    static String labels(SnapshotProfile profile, ChartReference reference) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            if (split.labels().isEmpty() || split.labels().get().counts().isEmpty()) {
                continue;
            }
            LabelSummary now = split.labels().get();
            List<String> classes = now.counts().keySet().stream().limit(TOP_VALUES).toList();
            BarChart chart = BarChart.of(classes).style(NumberStyle.PERCENT)
                    .series("current", classes.stream().map(c -> now.shares().get(c)).toList());
            Optional<LabelSummary> before = reference.of(split.split()).flatMap(SplitProfile::labels);
            before.ifPresent(b -> chart.series(reference.name(), classes.stream().map(c -> b.shares().getOrDefault(c, 0.0)).toList()));
            out.append(HtmlPage.chartCard("Classes of " + now.column() + " in " + split.split(), chart.svg(),
                    now.exact() ? String.format(java.util.Locale.ROOT, "%d classes; imbalance ratio %s.", now.counts().size(),
                            Html.number(now.imbalanceRatio()))
                            : String.format(java.util.Locale.ROOT, "At least %,d classes; counts are estimates up to %,d rows "
                            + "too high; imbalance ratio about %s.", now.counts().size(), now.maxError(),
                            Html.number(now.imbalanceRatio()))));
        }
        return out.toString();
    }

    /** Every column of the profile, in the order of its splits' columns. */
    static List<String> columns(SnapshotProfile profile) {
        Set<String> columns = new LinkedHashSet<>();
        profile.splits().values().forEach(s -> columns.addAll(s.columns().keySet()));
        return List.copyOf(columns);
    }

    static String section(String heading, String cards) {
        return cards.isEmpty() ? "" : "<h2>" + escape(heading) + "</h2><div class=\"grid\">" + cards + "</div>";
    }
}
