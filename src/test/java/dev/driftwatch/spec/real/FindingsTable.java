package dev.driftwatch.spec.real;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The README's snapshot-by-snapshot table: what the author's suites say, and what Driftwatch adds. */
final class FindingsTable {
    private FindingsTable() {
    }

    static String of(Map<String, RunReport> runs) {
        StringBuilder md = new StringBuilder("| snapshot | rows | author's GE suites (as Driftwatch rules) | what Driftwatch adds |\n|---|---|---|---|\n");
        runs.forEach((id, run) -> md.append("| ").append(id).append(" | ").append(run.profile().rows()).append(" | ")
                .append(cell(run.results().stream().filter(r -> r.rule().startsWith("gx-")).toList()))
                .append(" | ").append(cell(run.results().stream().filter(r -> !r.rule().startsWith("gx-")).toList()))
                .append(" |\n"));
        return md.toString();
    }

    private static String cell(List<RuleResult> results) {
        List<RuleResult> notable = results.stream().filter(r -> r.status() != Status.PASS).toList();
        if (notable.isEmpty()) {
            return results.isEmpty() ? "—" : "all pass";
        }
        return notable.stream().map(r -> r.status().id() + " " + r.rule() + ": " + r.message().replace("|", "\\|"))
                .distinct().limit(6).collect(Collectors.joining("<br>"))
                + (notable.size() > 6 ? "<br>… and " + (notable.size() - 6) + " more" : "");
    }
}
