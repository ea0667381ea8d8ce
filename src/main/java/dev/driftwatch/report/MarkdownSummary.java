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
 * counted, not listed). Everything that comes from the data or the rules file stays text when rendered: names go in
 * code spans (fenced past any backtick they hold), sentences have HTML ({@code <img onerror=...>} becomes
 * {@code &lt;img ...}) and Markdown punctuation escaped, and pipes and line breaks are escaped so the table stays a
 * table. Thread-safe.
 */
public final class MarkdownSummary {
    static final int MAX_ROWS = 25;

    public String write(RunReport run) {
        StringBuilder md = new StringBuilder();
        long blocking = run.results().stream().filter(RuleResult::blocksGate).count();
        md.append("### Driftwatch: ").append(blocking == 0 ? "✅ passed" : "❌ blocked")
                .append(" · ").append(code(run.dataset())).append(" · ").append(code(run.snapshot().id())).append("\n\n");
        md.append(String.format(Locale.ROOT, "%,d rows", run.profile().rows()));
        if (run.reference() != null) {
            md.append(", compared with ").append(code(run.reference()));
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
                    .append(" | ").append(cell(text(r.rule()))).append(" (").append(r.severity().id()).append(") | ")
                    .append(cell(target(r))).append(" | ").append(cell(text(r.message()))).append(" |\n"));
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
        return (r.column() == null ? "" : code(r.column())) + (r.split() == null ? "" : " in " + text(r.split()));
    }

    /** A table cell: GitHub splits cells at every unescaped pipe, inside code spans too. */
    private static String cell(String markdown) {
        return markdown.replace("|", "\\|");
    }

    /** Plain text: HTML as entities, Markdown punctuation backslash-escaped, line breaks as spaces. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '~' -> out.append('\\').append(c);
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A code span, which shows its content as it is (no HTML, no Markdown), fenced by more backticks than it holds. */
    static String code(String value) {
        String flat = value.replace('\r', ' ').replace('\n', ' ');
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") && flat.endsWith(" ") ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
