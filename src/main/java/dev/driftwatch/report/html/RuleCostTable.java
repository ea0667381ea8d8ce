package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.run.RuleCost;
import dev.driftwatch.engine.run.RunTimings;
import java.util.Locale;

/**
 * What a run cost: its phases in order, then every rule, slowest first, with the part its row check cost during the
 * profiling pass. Times in seconds. Stateless.
 */
final class RuleCostTable {
    private RuleCostTable() {
    }

    static String html(RunTimings timings) {
        StringBuilder out = new StringBuilder("<p class=\"sub\">Wall time ").append(seconds(timings.total().wallNanos()))
                .append(" s, CPU time ").append(seconds(timings.total().cpuNanos())).append(" s. ");
        timings.phases().forEach((phase, cost) -> out.append(escape(phase.id())).append(' ')
                .append(seconds(cost.wallNanos())).append(" s; "));
        out.setLength(out.length() - 2);
        out.append(".</p>");
        if (timings.rules().isEmpty()) {
            return out.toString();
        }
        out.append("<table class=\"costs\"><thead><tr><th>Rule</th><th class=\"num\">Wall s</th><th class=\"num\">CPU s</th>"
                + "<th class=\"num\">Rows wall s</th><th class=\"num\">Rows CPU s</th></tr></thead><tbody>");
        for (RuleCost rule : timings.slowestFirst()) {
            Cost total = rule.total();
            out.append("<tr><td><b>").append(escape(rule.rule())).append("</b><br><span class=\"sub\">")
                    .append(escape(rule.kind())).append("</span></td>")
                    .append(cell(total.wallNanos())).append(cell(total.cpuNanos()))
                    .append(cell(rule.rows().wallNanos())).append(cell(rule.rows().cpuNanos())).append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    private static String cell(long nanos) {
        return "<td class=\"num\">" + seconds(nanos) + "</td>";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
