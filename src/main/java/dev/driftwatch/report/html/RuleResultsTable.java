package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of rule results, worst first, each with its evidence rows folded under it; the results that passed
 * or were skipped are folded into a second table under a {@code <details>} (no script), so the failing ones
 * stand alone at the top however many columns a run judged. Stateless.
 */
final class RuleResultsTable {
    private RuleResultsTable() {
    }

    static String html(List<RuleResult> results) {
        if (results.isEmpty()) {
            return "<p class=\"sub\">No rule is declared for this dataset.</p>";
        }
        List<RuleResult> sorted = results.stream().sorted(Comparator.comparing(RuleResult::status, Status.BY_SEVERITY.reversed())).toList();
        List<RuleResult> notPassed = sorted.stream().filter(r -> r.status().alerts()).toList();
        List<RuleResult> passed = sorted.stream().filter(r -> !r.status().alerts()).toList();
        StringBuilder out = new StringBuilder();
        if (notPassed.isEmpty()) {
            out.append("<p class=\"sub\">Every rule passed.</p>");
        } else {
            out.append(table("results failing", notPassed));
        }
        if (!passed.isEmpty()) {
            long skipped = passed.stream().filter(r -> r.status() == Status.SKIPPED).count();
            out.append("<details class=\"passing\"><summary>").append(passed.size() - skipped).append(" passed")
                    .append(skipped == 0 ? "" : ", " + skipped + " skipped").append("</summary>")
                    .append(table("results passing", passed)).append("</details>");
        }
        return out.toString();
    }

    private static String table(String classes, List<RuleResult> results) {
        StringBuilder out = new StringBuilder("<table class=\"" + classes + "\"><thead><tr><th>Status</th><th>Rule</th>"
                + "<th>Target</th><th class=\"num\">Observed</th><th class=\"num\">Threshold</th><th>Finding</th></tr></thead><tbody>");
        results.forEach(result -> out.append(row(result)));
        return out.append("</tbody></table>").toString();
    }

    private static String row(RuleResult r) {
        String targetHtml = r.column() == null && r.split() == null ? "<span class=\"sub\">snapshot</span>"
                : (r.column() == null ? "" : "<code>" + escape(r.column()) + "</code>")
                + (r.split() == null ? "" : " <span class=\"sub\">in " + escape(r.split()) + "</span>");
        return "<tr data-status=\"" + r.status().id() + "\"><td>" + HtmlPage.badge(r.status().id()) + "</td><td><b>"
                + escape(r.rule()) + "</b><br><span class=\"sub\">" + escape(r.kind()) + " · " + escape(r.severity().id())
                + "</span></td><td>" + targetHtml + "</td><td class=\"num\">" + Html.number(r.observed())
                + "</td><td class=\"num\">" + Html.number(r.threshold()) + "</td><td>" + escape(r.message()) + evidence(r.evidence())
                + "</td></tr>";
    }

    private static String evidence(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return "";
        }
        return "<details><summary>" + evidence.size() + " evidence row" + (evidence.size() == 1 ? "" : "s")
                + "</summary><ul class=\"evidence\">" + evidence.stream().map(RuleResultsTable::item).collect(Collectors.joining())
                + "</ul></details>";
    }

    private static String item(Evidence e) {
        String where = e.source() == null ? "" : "<code>" + escape(e.source() + ":" + e.line()) + "</code> ";
        String id = e.id() == null ? "" : "id <b>" + escape(e.id()) + "</b> ";
        String values = e.values().entrySet().stream()
                .map(v -> escape(v.getKey()) + " = <code>" + escape(v.getValue() == null ? "null" : BarChart.clip(v.getValue(), 120)) + "</code>")
                .collect(Collectors.joining(", "));
        return "<li>" + where + id + values + "</li>";
    }
}
