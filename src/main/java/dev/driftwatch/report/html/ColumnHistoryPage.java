package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.profile.NumericSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A column's history across a dataset's snapshots, oldest first, from the stored profiles of their latest
 * successful runs: its missing share, the mean and quantiles of its numbers per split, its distinct values per
 * split, and the drift its runs measured. Stateless.
 */
public final class ColumnHistoryPage {
    private static final double[] RANKS = {0.05, 0.25, 0.5, 0.75, 0.95};

    private ColumnHistoryPage() {
    }

    /**
     * @param history one point per snapshot with a successful run, oldest first
     * @param columns the dataset's columns, for the picker
     */
    public static String document(String dataset, String column, List<ColumnHistoryPoint> history, List<String> columns, String home) {
        String datasetHref = escape(home) + "datasets/" + escape(dataset);
        StringBuilder body = new StringBuilder("<p class=\"sub\"><a href=\"").append(escape(home)).append("\">Datasets</a> · <a href=\"")
                .append(datasetHref).append("\">").append(escape(dataset)).append("</a></p><h1>Column <code>").append(escape(column))
                .append("</code></h1>").append(picker(datasetHref, column, columns));
        if (history.stream().allMatch(p -> p.splits().isEmpty())) {
            body.append("<p class=\"sub\">No stored profile of this dataset has a column named ").append(escape(column)).append(".</p>");
        } else {
            body.append("<div class=\"grid\">").append(charts(history)).append("</div>");
        }
        return HtmlPage.document("Driftwatch · " + dataset + " · " + column, home, body.toString());
    }

    /** The column picker: a plain GET form (no script). */
    private static String picker(String datasetHref, String column, List<String> columns) {
        StringBuilder out = new StringBuilder("<form class=\"pick card\" method=\"get\" action=\"").append(datasetHref)
                .append("/columns\"><label>Column<select name=\"column\">");
        columns.forEach(c -> out.append("<option").append(c.equals(column) ? " selected" : "").append(">").append(escape(c)).append("</option>"));
        return out.append("</select></label><button type=\"submit\">Show</button></form>").toString();
    }

    private static String charts(List<ColumnHistoryPoint> history) {
        List<String> snapshots = history.stream().map(ColumnHistoryPoint::snapshot).toList();
        StringBuilder cards = new StringBuilder(HtmlPage.chartCard("Missing share",
                LineChart.of(snapshots).style(NumberStyle.PERCENT)
                        .series("missing", history.stream().map(ColumnHistoryPoint::missingShare).toList()).svg(),
                "Share of rows (over every split) whose value is null, empty, blank or a declared missing token."));
        Set<String> splits = new LinkedHashSet<>();
        history.forEach(p -> splits.addAll(p.splits().keySet()));
        for (String split : splits) {
            List<NumericSummary> numbers = history.stream().map(p -> p.splits().get(split)).map(c -> c == null ? null : c.numeric())
                    .map(n -> n == null || n.count() == 0 ? null : n).toList();
            if (numbers.stream().anyMatch(n -> n != null)) {
                LineChart chart = LineChart.of(snapshots).style(NumberStyle.DECIMAL).series("mean", values(numbers, NumericSummary::mean));
                for (double rank : RANKS) {
                    chart.series("p" + Math.round(rank * 100), values(numbers, n -> n.quantileExactWhereKept(rank)));
                }
                cards.append(HtmlPage.chartCard("Mean and quantiles in " + split, chart.svg(),
                        "Quantiles are exact where the split kept its values (declared numeric columns up to exact_values_limit), "
                                + "else within 1% of the value of that rank."));
            }
        }
        LineChart distinct = LineChart.of(snapshots);
        for (String split : splits) {
            distinct.series(split, history.stream().map(p -> p.splits().get(split))
                    .map(c -> c == null ? null : (double) c.distinct()).toList());
        }
        cards.append(HtmlPage.chartCard("Distinct values per split", distinct.svg(),
                "Exact up to the profile's bound, estimated beyond it (the run page states which)."));
        Set<String> driftSeries = new LinkedHashSet<>();
        history.forEach(p -> driftSeries.addAll(p.drift().keySet()));
        if (!driftSeries.isEmpty()) {
            LineChart drift = LineChart.of(snapshots).style(NumberStyle.DECIMAL);
            driftSeries.forEach(s -> drift.series(s, history.stream().map(p -> p.drift().get(s)).toList()));
            cards.append(HtmlPage.chartCard("Drift against each run's reference", drift.svg(),
                    "The value each distribution_shift result was judged by, higher meaning more drift: the distance "
                            + "(wasserstein, psi, js) or 1 − the adjusted p-value (ks, chi2)."));
        }
        return cards.toString();
    }

    private static List<Double> values(List<NumericSummary> numbers, Function<NumericSummary, Double> figure) {
        return numbers.stream().map(n -> n == null ? null : figure.apply(n)).toList();
    }

    /** The links to every column's history, for the dataset page. */
    public static String links(String dataset, List<String> columns, String home) {
        if (columns.isEmpty()) {
            return "<p class=\"sub\">No stored profile yet.</p>";
        }
        StringBuilder out = new StringBuilder("<div class=\"card columns\">");
        columns.forEach(c -> out.append("<a class=\"column\" href=\"").append(escape(home)).append("datasets/").append(escape(dataset))
                .append("/columns?column=").append(escape(query(c))).append("\"><code>").append(escape(c)).append("</code></a> "));
        return out.append("</div>").toString();
    }

    /** A query parameter's value, URL-encoded. */
    static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
