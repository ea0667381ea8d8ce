package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.driftwatch.engine.run.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code skipped} status: what a comparison says on a dataset's first snapshot, and where it ranks. */
class SkippedStatusTest {
    @TempDir
    Path dir;

    @Test
    void passesAndSkipsArePassAndSkippedNeverOutranksAProblem() {
        assertThat(Status.PASS.worst(Status.SKIPPED)).isEqualTo(Status.PASS);
        assertThat(Status.SKIPPED.worst(Status.PASS)).isEqualTo(Status.PASS);
        assertThat(Status.SKIPPED.worst(Status.SKIPPED)).isEqualTo(Status.SKIPPED);
        assertThat(Status.SKIPPED.worst(Status.WARN)).isEqualTo(Status.WARN);
        assertThat(Status.ERROR.worst(Status.SKIPPED)).isEqualTo(Status.ERROR);
        assertThat(Status.FAIL.worst(Status.WARN)).isEqualTo(Status.FAIL);
    }

    @Test
    void codesAreTheDocumentedNumbersNotTheDeclarationOrder() {
        assertThat(List.of(Status.values())).extracting(Status::id, Status::code).containsExactly(
                tuple("pass", 0), tuple("warn", 1),
                tuple("fail", 2), tuple("error", 3),
                tuple("skipped", -1));
        assertThat(List.of(Status.values())).filteredOn(Status::alerts).containsExactly(Status.WARN, Status.FAIL, Status.ERROR);
        assertThat(List.of(Status.values()).stream().sorted(Status.BY_SEVERITY).toList())
                .containsExactly(Status.SKIPPED, Status.PASS, Status.WARN, Status.FAIL, Status.ERROR);
    }

    @Test
    void aRowCountChangeWithoutAReferenceIsSkippedWhileItsBoundsAreStillJudged() {
        // 3 rows in all.csv, counted by hand
        var fixture = RuleFixture.csv(dir, "rules:\n  - {name: rows, kind: row_count, min: 5, max_change: 0.5}\n")
                .snapshot("s1", Map.of("all.csv", "x\n1\n2\n3\n"));
        RunReport run = fixture.run("s1");
        List<RuleResult> results = RuleFixture.of(run, "rows");
        assertThat(results).extracting(RuleResult::status).containsExactly(Status.FAIL, Status.SKIPPED);
        assertThat(results.get(1).message()).isEqualTo("there is no reference snapshot yet to compare the row count with.");
        assertThat(results.get(1).observed()).isNull();
        assertThat(run.status()).isEqualTo(Status.FAIL);
        assertThat(run.blocksGate()).isTrue();
    }

    @Test
    void aFirstSnapshotWhoseOnlyProblemIsNoReferencePassesTheGate() {
        var fixture = RuleFixture.csv(dir, """
                columns: {numeric: [x], categorical: [c]}
                rules:
                  - {name: rows, kind: row_count, max_change: 0.5}
                  - {name: drift, kind: distribution_shift}
                  - {name: cats, kind: new_categories}
                  - {name: present, kind: missing_values, columns: [x]}
                """).snapshot("s1", Map.of("all.csv", "x,c\n1,a\n2,b\n"));
        RunReport run = fixture.run("s1");
        assertThat(run.results()).extracting(RuleResult::rule, RuleResult::status).containsExactly(
                tuple("rows", Status.SKIPPED),
                tuple("drift", Status.SKIPPED),
                tuple("cats", Status.SKIPPED),
                tuple("present", Status.PASS));
        assertThat(run.status()).isEqualTo(Status.PASS);
        assertThat(run.blocksGate()).isFalse();
    }
}
