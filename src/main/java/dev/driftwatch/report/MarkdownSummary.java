package dev.driftwatch.report;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A short Markdown summary of a run, fit for a pull-request comment: the verdict, a tally, and a table of
 * the results that did not pass (worst first, skipped ones last, at most {@value #MAX_ROWS}; passing results are
 * counted, not listed). Pipes and line breaks in messages are escaped so the table stays a table. Thread-safe.
 */
public final class MarkdownSummary {
    static final int MAX_ROWS = 25;

    public String write(RunReport run) {
        StringBuilder md = new StringBuilder();
        long blocking = run.results().stream().filter(RuleResult::blocksGate).count();
        md.append("### Driftwatch: ").append(blocking == 0 ? "✅ passed" : "❌ blocked")
                .append(" · `").append(run.dataset()).append("` · `").append(run.snapshot().id()).append("`\n\n");
        md.append(String.format(Locale.ROOT, "%,d rows", run.profile().rows()));
        if (run.reference() != null) {
            md.append(", compared with `").append(run.reference()).append('`');
        }
        md.append(". ");
        for (Status status : List.of(Status.PASS, Status.WARN, Status.FAIL, Status.ERROR)) {
            md.append(count(run, status)).append(' ').append(status.id()).append(status == Status.ERROR ? "" : ", ");
        }
        long skipped = count(run, Status.SKIPPED);
        md.append(skipped == 0 ? "." : ", " + skipped + " skipped (nothing to compare with yet).");
        md.append('\n');
        if (blocking > 0) {
            md.append("\n**").append(blocking).append(" error-severity result").append(blocking == 1 ? "" : "s")
                    .append(" did not pass: the gate stops.**\n");
        }
        List<RuleResult> notPassed = run.results().stream().filter(r -> r.status() != Status.PASS)
                .sorted(Comparator.comparing(RuleResult::status, Status.BY_SEVERITY.reversed())).toList();
        if (!notPassed.isEmpty()) {
            md.append("\n| Status | Rule | Target | Finding |\n|---|---|---|---|\n");
            notPassed.stream().limit(MAX_ROWS).forEach(r -> md.append("| ").append(r.status().id().toUpperCase(Locale.ROOT))
                    .append(" | ").append(cell(r.rule())).append(" (").append(r.severity().id()).append(") | ")
                    .append(cell(target(r))).append(" | ").append(cell(r.message())).append(" |\n"));
            if (notPassed.size() > MAX_ROWS) {
                md.append("\n…and ").append(notPassed.size() - MAX_ROWS).append(" more in the full report.\n");
            }
        }
        return md.toString();
    }

    private static long count(RunReport run, Status status) {
        return run.results().stream().filter(r -> r.status() == status).count();
    }

    private static String target(RuleResult r) {
        if (r.column() == null && r.split() == null) {
            return "snapshot";
        }
        return (r.column() == null ? "" : "`" + r.column() + "`") + (r.split() == null ? "" : " in " + r.split());
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
