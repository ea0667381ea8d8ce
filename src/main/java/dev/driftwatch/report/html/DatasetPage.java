package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A dataset's page in the service: the history of its key figures across snapshots (rows, results by
 * status, missing values of the columns that miss most), its snapshots with provenance, and its runs
 * with links to their reports. Stateless.
 */
public final class DatasetPage {
    static final int HISTORY_COLUMNS = 6;

    private DatasetPage() {
    }

    /**
     * @param history one point per snapshot with a run, oldest first
     * @param runs    newest first
     */
    public static String document(DatasetState dataset, List<HistoryPoint> history, List<SnapshotLine> snapshots,
                                  List<RunLine> runs, String home) {
        return document(dataset, history, snapshots, runs, List.of(), home);
    }

    /**
     * As above, with links to the history of each of these columns and a form to compare two snapshots.
     *
     * @param columns the columns of the latest stored profile
     */
    public static String document(DatasetState dataset, List<HistoryPoint> history, List<SnapshotLine> snapshots,
                                  List<RunLine> runs, List<String> columns, String home) {
        StringBuilder body = new StringBuilder("<p class=\"sub\"><a href=\"").append(escape(home)).append("\">Datasets</a></p><h1>")
                .append(escape(dataset.name())).append(' ').append(HtmlPage.badge(dataset.problem() != null ? "error" : dataset.status()))
                .append("</h1>");
        if (dataset.problem() != null) {
            body.append("<div class=\"card\"><b>The rules file has a mistake:</b> <code>").append(escape(dataset.problem())).append("</code></div>");
        }
        body.append("<h2>History</h2>").append(history(history));
        if (!columns.isEmpty()) {
            body.append("<h2>Columns over time</h2>").append(ColumnHistoryPage.links(dataset.name(), columns, home));
        }
        if (snapshots.size() > 1) {
            body.append("<h2>Compare two snapshots</h2>").append(ComparePage.form(escape(home) + "datasets/" + escape(dataset.name()),
                    snapshots.stream().map(SnapshotLine::name).toList(), null, null, false));
        }
        body.append("<h2>Snapshots</h2><div class=\"card\"><table><thead><tr><th>Snapshot</th><th class=\"num\">Size</th>"
                + "<th>Fingerprint</th><th>Discovered</th></tr></thead><tbody>");
        for (SnapshotLine s : snapshots) {
            body.append("<tr class=\"snapshot\"><td><b>").append(escape(s.name())).append("</b><br><span class=\"sub\">")
                    .append(escape(s.path())).append("</span></td><td class=\"num\">").append(Html.bytes(s.bytes()))
                    .append("</td><td><code>").append(escape(s.fingerprint() == null ? "" : s.fingerprint().substring(0, Math.min(12, s.fingerprint().length()))))
                    .append("</code></td><td>").append(escape(Html.time(s.discoveredAt()))).append("</td></tr>");
        }
        body.append("</tbody></table></div>");
        body.append("<h2>Runs</h2><div class=\"card\"><table><thead><tr><th>Run</th><th>Outcome</th><th>Snapshot</th><th>Trigger</th>"
                + "<th>Started</th><th>Note</th></tr></thead><tbody>");
        for (RunLine r : runs) {
            String outcome = r.outcome() != null ? r.outcome() : r.status().equals("failed") ? "error" : r.status();
            body.append("<tr class=\"run\"><td><a href=\"").append(escape(home)).append("runs/").append(r.id()).append("\">#").append(r.id())
                    .append("</a></td><td>").append(HtmlPage.badge(outcome)).append(r.blocksGate() ? " <span class=\"sub\">blocks</span>" : "")
                    .append("</td><td>").append(escape(r.snapshot())).append("</td><td>").append(escape(r.trigger()))
                    .append("</td><td>").append(escape(Html.time(r.startedAt()))).append("</td><td>").append(escape(r.error())).append("</td></tr>");
        }
        body.append("</tbody></table></div>");
        return HtmlPage.document("Driftwatch · " + dataset.name(), home, body.toString());
    }

    /** The history charts of a dataset (one point per snapshot, oldest first), or a note when there is none. */
    public static String history(List<HistoryPoint> history) {
        if (history.isEmpty()) {
            return "<p class=\"sub\">No run yet.</p>";
        }
        List<String> snapshots = history.stream().map(HistoryPoint::snapshot).toList();
        StringBuilder cards = new StringBuilder("<div class=\"grid\">");
        cards.append(HtmlPage.chartCard("Rows per snapshot",
                LineChart.of(snapshots).series("rows", history.stream().map(HistoryPoint::rows).toList()).svg(), null));
        LineChart results = LineChart.of(snapshots);
        for (String status : List.of("pass", "warn", "fail", "error", "skipped")) {
            if (status.equals("skipped") && history.stream().noneMatch(p -> p.statusCounts().containsKey(status))) {
                continue; // a dataset that never skipped a comparison gets no empty line for it
            }
            results.series(status, history.stream().map(p -> (double) p.statusCounts().getOrDefault(status, 0L)).toList(),
                    Palette.status(status));
        }
        cards.append(HtmlPage.chartCard("Rule results by status", results.svg(), null));
        List<String> columns = history.stream().flatMap(p -> p.missingRatios().entrySet().stream())
                .filter(e -> e.getValue() > 0)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Math::max, java.util.LinkedHashMap::new))
                .entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(HISTORY_COLUMNS).map(Map.Entry::getKey).toList();
        if (!columns.isEmpty()) {
            LineChart missing = LineChart.of(snapshots).style(NumberStyle.PERCENT);
            columns.forEach(c -> missing.series(c, history.stream().map(p -> p.missingRatios().get(c)).toList()));
            cards.append(HtmlPage.chartCard("Missing values of the columns that miss most", missing.svg(), null));
        }
        return cards.append("</div>").toString();
    }
}
