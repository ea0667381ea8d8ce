package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The comparison of any two snapshots of a dataset: a GET form with two selects, then the dataset's rules that
 * need only profiles judged on the second against the first, the drift per column, and the charts of both
 * profiles side by side. Stateless.
 */
public final class ComparePage {
    private ComparePage() {
    }

    /**
     * @param snapshots  the dataset's snapshots with a stored profile, oldest first
     * @param from       the chosen reference snapshot, or null
     * @param to         the chosen snapshot, or null
     * @param readRows   whether the snapshot's rows were read again (every rule judged) or only stored profiles compared
     * @param comparison the comparison, or null when none is chosen yet
     * @param problem    why the chosen pair cannot be compared, or null
     */
    public static String document(String dataset, List<String> snapshots, String from, String to, boolean readRows,
                                  SnapshotComparison comparison, String problem, ColumnRoles roles, String home) {
        String datasetHref = escape(home) + "datasets/" + escape(dataset);
        StringBuilder body = new StringBuilder("<p class=\"sub\"><a href=\"").append(escape(home)).append("\">Datasets</a> · <a href=\"")
                .append(datasetHref).append("\">").append(escape(dataset)).append("</a></p><h1>Compare two snapshots</h1>")
                .append(form(datasetHref, snapshots, from, to, readRows));
        if (problem != null) {
            body.append("<div class=\"card problem\"><b>").append(escape(problem)).append("</b></div>");
        } else if (comparison != null) {
            body.append(comparison(comparison, roles));
        }
        return HtmlPage.document("Driftwatch · " + dataset + " · compare", home, body.toString());
    }

    static String form(String datasetHref, List<String> snapshots, String from, String to, boolean readRows) {
        return "<form class=\"pick card\" method=\"get\" action=\"" + datasetHref + "/compare\">"
                + select("Reference", "from", snapshots, from == null && snapshots.size() > 1 ? snapshots.get(snapshots.size() - 2) : from)
                + select("Snapshot", "to", snapshots, to == null && !snapshots.isEmpty() ? snapshots.get(snapshots.size() - 1) : to)
                + "<label class=\"check\"><span><input type=\"checkbox\" name=\"rows\"" + (readRows ? " checked" : "")
                + "> read the snapshot's rows again (every rule; takes as long as a run)</span></label>"
                + "<button type=\"submit\">Compare</button></form>";
    }

    private static String select(String label, String name, List<String> snapshots, String chosen) {
        return "<label>" + escape(label) + "<select name=\"" + name + "\">" + snapshots.stream()
                .map(s -> "<option" + (s.equals(chosen) ? " selected" : "") + ">" + escape(s) + "</option>")
                .collect(Collectors.joining()) + "</select></label>";
    }

    private static String comparison(SnapshotComparison c, ColumnRoles roles) {
        Map<Status, Long> tally = c.results().stream().collect(Collectors.groupingBy(RuleResult::status, Collectors.counting()));
        StringBuilder out = new StringBuilder("<div class=\"card\"><p><b>").append(escape(c.to())).append("</b> against <b>")
                .append(escape(c.from())).append("</b>: ").append(String.format(java.util.Locale.ROOT, "%,d rows against %,d.",
                        c.toProfile().rows(), c.fromProfile().rows())).append("</p><p class=\"tallies\">");
        for (Status status : Status.values()) {
            out.append("<span>").append(HtmlPage.badge(status.id())).append(' ').append(tally.getOrDefault(status, 0L)).append("</span>");
        }
        out.append("</p>");
        if (!c.rowRules().isEmpty()) {
            out.append("<p class=\"note\">Not judged from the stored profiles, as they need the rows (tick \"read the snapshot's rows "
                    + "again\" to judge them): ").append(escape(String.join(", ", c.rowRules()))).append(".</p>");
        }
        out.append("</div><h2>Rules</h2><div class=\"card\">").append(c.results().isEmpty()
                ? "<p class=\"sub\">No rule of this dataset can be judged from the stored profiles alone.</p>"
                : RuleResultsTable.html(c.results())).append("</div>");
        ChartReference against = ChartReference.snapshot(c.fromProfile());
        return out
                + ProfileCharts.section("Drift", ProfileCharts.drift(c.results()))
                + ProfileCharts.section("Missing values", missingValues(c))
                + ProfileCharts.section("Labels", ProfileCharts.labels(c.toProfile(), against))
                + ProfileCharts.section("Numeric columns against the reference", NumericColumnCharts.html(c.toProfile(), against, roles))
                + ProfileCharts.section("Frequent values", FrequentValueCharts.html(c.toProfile(), against, roles));
    }

    /** Missing share per column over every split, in both snapshots. */
    private static String missingValues(SnapshotComparison c) {
        Set<String> columns = new LinkedHashSet<>();
        c.toProfile().splits().values().forEach(s -> columns.addAll(s.columns().keySet()));
        c.fromProfile().splits().values().forEach(s -> columns.addAll(s.columns().keySet()));
        List<String> names = List.copyOf(columns);
        BarChart chart = BarChart.of(names).style(NumberStyle.PERCENT)
                .series("current", names.stream().map(n -> missingShare(c.toProfile(), n)).toList())
                .series("reference", names.stream().map(n -> missingShare(c.fromProfile(), n)).toList());
        return HtmlPage.chartCard("Missing share per column", chart.svg(),
                "Share of rows, over every split, whose value is null, empty, blank or a declared missing token.");
    }

    private static Double missingShare(SnapshotProfile profile, String column) {
        List<ColumnProfile> found = profile.splits().values().stream().flatMap(s -> s.column(column).stream()).toList();
        long count = found.stream().mapToLong(ColumnProfile::count).sum();
        return count == 0 ? null : (double) found.stream().mapToLong(ColumnProfile::missing).sum() / count;
    }
}
