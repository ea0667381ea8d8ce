package dev.driftwatch.cli;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.report.JunitXml;
import dev.driftwatch.report.MarkdownSummary;
import dev.driftwatch.report.RunJson;
import dev.driftwatch.report.html.RunReportPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The report files {@code check} writes on request (picocli mixin); parent folders are created. */
public final class ReportFiles {
    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML: one test case per rule result.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full run (results, evidence, profile and its state) as JSON; a service stores it as sent (POST /api/datasets/{name}/reports).")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write a short Markdown summary for a pull-request comment.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report with charts.")
    Path html;

    /** True when a report shows the profile itself (JSON and HTML), not only the rules' results and the row count. */
    boolean showProfile() {
        return json != null || html != null;
    }

    /**
     * @param reference the reference's profile, or null
     * @param dataset   the dataset's declaration (what the charts compare with, which columns are categories)
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public List<Path> write(RunReport run, SnapshotProfile reference, DatasetDefinition dataset) throws IOException {
        List<Path> written = new ArrayList<>();
        if (junit != null) {
            written.add(write(junit, new JunitXml().write(run)));
        }
        if (json != null) {
            written.add(write(json, new RunJson().write(run)));
        }
        if (markdown != null) {
            written.add(write(markdown, new MarkdownSummary().write(run)));
        }
        if (html != null) {
            written.add(write(html, RunReportPage.document(run, reference, dataset, null, "")));
        }
        return written;
    }

    private static Path write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
