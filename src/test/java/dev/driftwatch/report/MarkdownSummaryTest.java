package dev.driftwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {
    @Test
    void aBlockedRunLeadsWithTheVerdictAndListsOnlyWhatDidNotPass() {
        String md = new MarkdownSummary().write(ExampleRuns.madeWithMl());

        assertThat(md).startsWith("### Driftwatch: ❌ blocked · `madewithml` · `s16_2022-05-03_Made-With-ML_5c59a97`\n");
        assertThat(md).contains("999 rows, compared with `s15_2022-05-02_Made-With-ML_578e612`. 3 pass, 0 warn, 1 fail, 0 error.");
        assertThat(md).contains("**1 error-severity result did not pass: the gate stops.**");
        assertThat(md).contains("| FAIL | text-present (error) | `text` in all | text: 34 of 999 (3.4%) values missing");
        assertThat(md).doesNotContain("inputs-present");
    }

    @Test
    void aPassingRunWithWarningsListsTheWarnings() {
        String md = new MarkdownSummary().write(ExampleRuns.pima());

        assertThat(md).startsWith("### Driftwatch: ✅ passed · `pima` · `pima-03.csv`");
        assertThat(md).contains("768 rows, compared with `pima-01.csv`. 3 pass, 2 warn, 0 fail, 0 error.");
        assertThat(md).doesNotContain("gate stops");
        assertThat(md.lines().filter(l -> l.startsWith("| WARN |"))).hasSize(2);
    }

    @Test
    void pipesAndLineBreaksInMessagesKeepTheTableATableAndLongListsAreCut() {
        RunReport run = ExampleRuns.pima();
        List<RuleResult> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new RuleResult("r" + i, "missing_values", Severity.WARN, Status.WARN, "a|b", null, 0.5, 0.1,
                    "line one\nline | two", List.of()));
        }
        RunReport noisy = new RunReport(run.dataset(), run.snapshot(), null, run.startedAt(), run.finishedAt(), run.profile(), many);

        String md = new MarkdownSummary().write(noisy);

        assertThat(md).contains("| WARN | r0 (warn) | `a\\|b` | line one line \\| two |");
        assertThat(md.lines().filter(l -> l.startsWith("| WARN |"))).hasSize(25);
        assertThat(md).contains("…and 5 more in the full report.");
    }

    /**
     * A rules file and a dataset can put anything in names and messages. Rendered by commonmark-java with GitHub's
     * table extension (not Driftwatch's code), no element comes from the data: no img, script, b or link, and each
     * hostile value shows as its own text.
     */
    @Test
    void htmlAndMarkdownFromTheDataStayTextWhenTheSummaryIsRendered() {
        String img = "<img src=x onerror=alert(1)>";
        RunReport run = ExampleRuns.pima();
        RuleResult hostile = new RuleResult("rule<script>alert(2)</script>", "new_categories", Severity.ERROR,
                Status.FAIL, "col`" + img + "`", "split<b>x</b>", 1.0, 0.0,
                "new values: " + img + " & [click](javascript:alert(3)) *bold* | next\nline", List.of());
        RunReport noisy = new RunReport("ds" + img, run.snapshot(), "ref`" + img, run.startedAt(), run.finishedAt(),
                run.profile(), List.of(hostile));

        String md = new MarkdownSummary().write(noisy);
        var tables = List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
        String html = org.commonmark.renderer.html.HtmlRenderer.builder().extensions(tables).build()
                .render(org.commonmark.parser.Parser.builder().extensions(tables).build().parse(md));

        assertThat(html).doesNotContain("<img", "<script", "<b>", "<a ", "<em>", "<strong>bold");
        assertThat(html).contains("<h3>Driftwatch: ❌ blocked · <code>ds&lt;img src=x onerror=alert(1)&gt;</code> · <code>pima-03.csv</code></h3>");
        assertThat(html).contains("compared with <code>ref`&lt;img src=x onerror=alert(1)&gt;</code>.");
        assertThat(html).contains("<td>rule&lt;script&gt;alert(2)&lt;/script&gt; (error)</td>");
        assertThat(html).contains("<td><code>col`&lt;img src=x onerror=alert(1)&gt;`</code> in split&lt;b&gt;x&lt;/b&gt;</td>");
        assertThat(html).contains("<td>new values: &lt;img src=x onerror=alert(1)&gt; &amp; [click](javascript:alert(3)) "
                + "*bold* | next line</td>");
        assertThat(html.split("<td>", -1)).as("one row of four cells").hasSize(5);
    }
}
