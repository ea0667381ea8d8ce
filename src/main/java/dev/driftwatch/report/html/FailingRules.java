package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import dev.driftwatch.engine.rule.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview's list of what is wrong with a dataset: each rule of the latest run that did not pass, worst
 * first, with its status and the columns it failed on (the first few, then how many more). Stateless.
 */
final class FailingRules {
    static final int TARGETS_SHOWN = 3;

    private FailingRules() {
    }

    static String html(List<DatasetState.FailingRule> failing) {
        if (failing.isEmpty()) {
            return "";
        }
        Map<String, List<DatasetState.FailingRule>> byRule = new LinkedHashMap<>();
        failing.forEach(f -> byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
        StringBuilder out = new StringBuilder("<ul class=\"failing\">");
        byRule.entrySet().stream()
                .sorted((a, b) -> Status.BY_SEVERITY.compare(worst(b.getValue()), worst(a.getValue())))
                .forEach(e -> out.append("<li class=\"failing-rule\">").append(HtmlPage.badge(worst(e.getValue()).id()))
                        .append(" <b>").append(escape(e.getKey())).append("</b>").append(targets(e.getValue())).append("</li>"));
        return out.append("</ul>").toString();
    }

    private static Status worst(List<DatasetState.FailingRule> results) {
        return results.stream().map(f -> Status.valueOf(f.status().toUpperCase(Locale.ROOT))).reduce(Status.PASS, Status::worst);
    }

    private static String targets(List<DatasetState.FailingRule> results) {
        List<String> targets = results.stream().map(DatasetState.FailingRule::target).filter(t -> t != null).distinct().toList();
        if (targets.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" <span class=\"sub\">on ");
        targets.stream().limit(TARGETS_SHOWN).forEach(t -> out.append("<code>").append(escape(t)).append("</code> "));
        if (targets.size() > TARGETS_SHOWN) {
            out.append("and ").append(targets.size() - TARGETS_SHOWN).append(" more");
        }
        return out.toString().stripTrailing() + "</span>";
    }
}
