package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.read.ReadProblem;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.snapshot.Provenance;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTML report of one run, as one self-contained document (inline CSS and SVG, no script, nothing
 * loaded from the network): the dataset and snapshot with provenance, the verdict, every rule result with
 * its evidence, what the run and each rule cost (when measured), and the charts of the profile. The CLI writes it to a file; the service serves it.
 * Stateless; thread-safe.
 */
public final class RunReportPage {
    private RunReportPage() {
    }

    /**
     * @param reference the reference snapshot's profile, or null when the run had none
     * @param home      the service's home link, or null for a stand-alone file
     * @param extra     more HTML placed after the charts (the service adds the dataset's history), or ""
     */
    public static String document(RunReport run, SnapshotProfile reference, String home, String extra) {
        return document(RunPageData.of(run), reference, null, home, extra);
    }

    /**
     * As {@link #document(RunReport, SnapshotProfile, String, String)}, with the dataset's declaration, which says
     * what the charts compare with (a reference split) and which columns are categories.
     *
     * @param dataset the dataset's declaration, or null when it is not known
     */
    public static String document(RunReport run, SnapshotProfile reference, DatasetDefinition dataset, String home, String extra) {
        return document(RunPageData.of(run), reference, dataset, home, extra);
    }

    /** The same page for a run rebuilt from storage; without a profile it shows no profile charts. */
    public static String document(RunPageData run, SnapshotProfile reference, String home, String extra) {
        return document(run, reference, null, home, extra);
    }

    /** The same page for a run rebuilt from storage, with the dataset's declaration (or null). */
    public static String document(RunPageData run, SnapshotProfile reference, DatasetDefinition dataset, String home, String extra) {
        return document(run, reference, dataset, home, extra, window(run, Integer.MAX_VALUE, 1), "");
    }

    /**
     * One page of the report: the results and charts of the window's columns, with links to the other pages.
     *
     * @param href the page's own address, to which the links add {@code ?page=N}
     */
    public static String document(RunPageData run, SnapshotProfile reference, DatasetDefinition dataset, String home,
                                  String extra, ColumnWindow window, String href) {
        return HtmlPage.document("Driftwatch · " + run.dataset() + " · " + run.snapshot().id(), home,
                body(run, reference, dataset, home, window, href) + extra);
    }

    /**
     * The window of a run's columns on a page.
     *
     * @throws IllegalArgumentException for a page that does not exist
     */
    public static ColumnWindow window(RunPageData run, int size, int page) {
        List<String> columns = run.profile() == null
                ? run.results().stream().map(RuleResult::column).filter(c -> c != null).distinct().toList()
                : ProfileCharts.columns(run.profile());
        return new ColumnWindow(columns, page, Math.max(1, Math.min(size, Math.max(1, columns.size()))));
    }

    static String body(RunPageData run, SnapshotProfile reference, DatasetDefinition dataset, String home,
                       ColumnWindow window, String href) {
        String datasetLink = home == null ? escape(run.dataset())
                : "<a href=\"" + escape(home) + "datasets/" + escape(run.dataset()) + "\">" + escape(run.dataset()) + "</a>";
        List<RuleResult> onPage = run.results().stream().filter(r -> window.shows(r.column())).toList();
        return "<p class=\"sub\">Dataset " + datasetLink + "</p><h1>" + escape(run.snapshot().id()) + " "
                + HtmlPage.badge(run.status().id()) + "</h1>"
                + verdict(run) + facts(run) + window.navigation(href)
                + "<h2>Rules</h2><div class=\"card\">" + RuleResultsTable.html(onPage) + "</div>"
                + ProfileCharts.section("Drift", ProfileCharts.drift(onPage))
                + (run.timings() == null ? "" : "<h2>Time</h2><div class=\"card\">" + RuleCostTable.html(run.timings()) + "</div>")
                + (run.profile() == null ? "<p class=\"sub\">The profile of this run is not available.</p>"
                : charts(run, reference, dataset, window)) + window.navigation(href);
    }

    private static String charts(RunPageData run, SnapshotProfile reference, DatasetDefinition dataset, ColumnWindow window) {
        ChartReference against = ChartReference.of(dataset == null ? null : dataset.reference(), run.profile(), reference);
        ColumnRoles roles = dataset == null ? ColumnRoles.none() : dataset.columns();
        return ""
                + ProfileCharts.section("Tags", TagCharts.html(run.profile(), reference))
                + ProfileCharts.section("Labels", ProfileCharts.labels(run.profile(), against))
                + ProfileCharts.section("Missing values", ProfileCharts.missingValues(run.profile(), window::shows))
                + ProfileCharts.section("Numeric columns" + (against.exists() ? " against the " + against.name() : ""),
                        NumericColumnCharts.html(run.profile(), against, roles, window::shows))
                + ProfileCharts.section("Frequent values", FrequentValueCharts.html(run.profile(), against, roles, window::shows));
    }

    private static String verdict(RunPageData run) {
        Map<Status, Long> tally = run.results().stream().collect(Collectors.groupingBy(RuleResult::status, Collectors.counting()));
        long blocking = run.blocking();
        String gate = blocking == 0 ? "<span class=\"verdict passed\">Gate passed: every error-severity rule passed.</span>"
                : "<span class=\"verdict blocked\">Gate blocked: " + blocking + " error-severity result"
                + (blocking == 1 ? "" : "s") + " did not pass.</span>";
        StringBuilder tallies = new StringBuilder("<p class=\"tallies\">");
        for (Status status : Status.values()) {
            tallies.append("<span>").append(HtmlPage.badge(status.id())).append(' ').append(tally.getOrDefault(status, 0L)).append("</span>");
        }
        return "<div class=\"card\">" + gate + tallies.append("</p></div>");
    }

    private static String facts(RunPageData run) {
        Provenance p = run.snapshot().provenance();
        StringBuilder dl = new StringBuilder("<dl class=\"facts\">");
        if (run.profile() != null) {
            fact(dl, "Rows", String.format(Locale.ROOT, "%,d", run.profile().rows()) + splits(run.profile()));
        }
        fact(dl, "Compared with", run.reference() == null ? "no reference" : run.reference());
        fact(dl, "Path", p.path());
        int files = run.snapshot().files().size();
        fact(dl, "Size", Html.bytes(p.bytes()) + String.format(Locale.ROOT, " (%,d bytes)", p.bytes())
                + (files == 0 ? "" : String.format(Locale.ROOT, " in %d file%s", files, files == 1 ? "" : "s")));
        fact(dl, "SHA-256", p.sha256() == null ? "not read" : p.sha256());
        fact(dl, "Modified", Html.time(p.modifiedAt()));
        fact(dl, "Discovered", Html.time(p.discoveredAt()));
        p.producer().forEach((key, value) -> fact(dl, "Producer " + key, value));
        fact(dl, "Evaluated", Html.time(run.startedAt()) + " in " + java.time.Duration.between(run.startedAt(), run.finishedAt()).toMillis() + " ms");
        if (run.profile() != null) {
            var reads = run.profile().reads();
            if (reads.linesKnown()) {
                fact(dl, "Lines read", String.format(Locale.ROOT, "%,d (%,d rows read, %,d rejected)", reads.linesRead(),
                        reads.rowsRead(), reads.rowsRejected()));
            }
            long rejected = run.profile().reads().rowsRejected();
            fact(dl, "Unreadable rows", rejected == 0 ? "none" : String.format(Locale.ROOT, "%,d (%s); first: %s", rejected,
                    Html.percent(run.profile().reads().rejectedShare()),
                    run.profile().reads().examples().stream().findFirst().map(ReadProblem::toString).orElse("")));
            fact(dl, "Duplicate rows", run.profile().duplicates().duplicates().text());
        }
        return "<div class=\"card\">" + dl.append("</dl></div>");
    }

    private static String splits(SnapshotProfile profile) {
        if (profile.splits().size() <= 1) {
            return "";
        }
        return profile.splits().values().stream()
                .map(s -> String.format(Locale.ROOT, "%s %,d", s.split(), s.rows()))
                .collect(Collectors.joining("; ", " (", ")"));
    }

    private static void fact(StringBuilder dl, String term, String value) {
        dl.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

}
