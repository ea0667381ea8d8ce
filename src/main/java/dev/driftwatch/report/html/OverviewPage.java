package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import java.util.List;

/** The service's home page: every declared dataset with the state of its latest run. Stateless. */
public final class OverviewPage {
    private OverviewPage() {
    }

    /** @param home the service's root link, ending in "/" */
    public static String document(List<DatasetState> datasets, String home) {
        StringBuilder body = new StringBuilder("<h1>Datasets</h1><p class=\"sub\">")
                .append(datasets.size()).append(" declared; each is checked on its schedule.</p>");
        long blocked = datasets.stream().filter(DatasetState::blocksGate).count();
        body.append("<div class=\"card\"><span class=\"verdict ").append(blocked == 0 ? "passed\">Every dataset passes its gate."
                : "blocked\">" + blocked + " of " + datasets.size() + " datasets block their gate.").append("</span></div>");
        body.append("<div class=\"card\"><table><thead><tr><th>Dataset</th><th>State</th><th>Gate</th><th>Latest snapshot</th>"
                + "<th>Failing rules</th><th class=\"num\">Snapshots</th><th>Checked</th></tr></thead><tbody>");
        for (DatasetState d : datasets) {
            String link = "<a href=\"" + escape(home) + "datasets/" + escape(d.name()) + "\"><b>" + escape(d.name()) + "</b></a>";
            String latest = d.latestRunId() == null ? "<span class=\"sub\">no run yet</span>"
                    : "<a href=\"" + escape(home) + "runs/" + d.latestRunId() + "\">" + escape(d.latestSnapshot()) + "</a>";
            String gate = d.status() == null ? "" : d.blocksGate() ? "<b class=\"blocked\">blocked</b>" : "passed";
            body.append("<tr class=\"dataset\"><td>").append(link)
                    .append(d.problem() == null ? "" : "<br><span class=\"sub\">" + escape(d.problem()) + "</span>")
                    .append("</td><td>").append(HtmlPage.badge(d.problem() != null ? "error" : d.status()))
                    .append("</td><td>").append(gate).append("</td><td>").append(latest)
                    .append("</td><td class=\"failing\">").append(FailingRules.html(d.failing()))
                    .append("</td><td class=\"num\">").append(d.snapshots())
                    .append("</td><td>").append(escape(Html.time(d.finishedAt()))).append("</td></tr>");
        }
        body.append("</tbody></table></div>");
        body.append(HtmlPage.chartCard("Latest state of the datasets", stateChart(datasets), null));
        return HtmlPage.document("Driftwatch · datasets", home, body.toString());
    }

    /** How many datasets are in each state now. */
    private static String stateChart(List<DatasetState> datasets) {
        List<String> states = List.of("pass", "warn", "fail", "error", "no run yet");
        List<Double> counts = states.stream().map(s -> (double) datasets.stream()
                .filter(d -> s.equals(d.problem() != null ? "error" : d.status() == null ? "no run yet" : d.status())).count()).toList();
        return BarChart.of(states).series("datasets", counts).categoryColours(states.stream().map(Palette::status).toList()).svg();
    }
}
