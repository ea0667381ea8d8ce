package dev.driftwatch.cli;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.RunTimings;
import java.io.PrintWriter;
import java.util.Locale;

/** The human-readable summary of a run that {@code check} prints. */
public final class RunSummary {
    private final RunReport run;

    public RunSummary(RunReport run) {
        this.run = run;
    }

    public void print(PrintWriter out) {
        out.printf("Dataset %s, snapshot %s (%,d rows", run.dataset(), run.snapshot().id(), run.profile().rows());
        run.profile().splits().values().forEach(split -> out.printf(Locale.ROOT, "; %s %,d", split.split(), split.rows()));
        out.println(")");
        if (run.reference() != null) {
            out.println("Compared with " + run.reference());
        }
        var reads = run.profile().reads();
        if (reads.linesKnown()) {
            out.printf(Locale.ROOT, "Read %,d lines: %,d rows read, %,d rejected%n", reads.linesRead(), reads.rowsRead(),
                    reads.rowsRejected());
        }
        if (run.profile().reads().rowsRejected() > 0) {
            out.printf("%,d rows could not be read; first: %s%n", run.profile().reads().rowsRejected(),
                    run.profile().reads().examples().get(0));
        }
        for (RuleResult result : run.results()) {
            out.printf("%-5s %-5s %s: %s%n", result.status().id().toUpperCase(Locale.ROOT), result.severity().id(),
                    result.rule(), result.message());
            result.evidence().forEach(e -> out.printf("              %s%s %s%n",
                    e.source() == null ? "" : "at " + e.source() + ":" + e.line(),
                    e.id() == null ? "" : " (id " + e.id() + ")", e.values()));
        }
        printTimings(out);
        long blocking = run.results().stream().filter(RuleResult::blocksGate).count();
        long skipped = run.results().stream().filter(r -> r.status() == Status.SKIPPED).count();
        String skips = skipped == 0 ? "" : " " + skipped + " result(s) skipped: nothing to compare with yet.";
        out.println(blocking == 0 ? "PASSED: every error-severity rule passed." + skips
                : "BLOCKED: " + blocking + " error-severity result(s) did not pass." + skips);
    }

    /** One line: the run's wall time, each phase's, and the slowest rule's. */
    private void printTimings(PrintWriter out) {
        RunTimings timings = run.timings();
        if (timings == null) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Took %.3f s (", timings.total().wallSeconds()));
        timings.phases().forEach((phase, cost) -> line.append(String.format(Locale.ROOT, "%s %.3f s, ", phase.id(),
                cost.wallSeconds())));
        line.setLength(line.length() - 2);
        line.append(')');
        timings.slowestFirst().stream().findFirst().ifPresent(rule -> line.append(String.format(Locale.ROOT,
                "; slowest rule %s %.3f s", rule.rule(), rule.total().wallSeconds())));
        out.println(line);
    }
}
