package dev.driftwatch.engine.rule.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueRangeMissingTokensTest {
    private static final Path PIMA = Path.of("src/examples/pima/snapshots").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void zerosDeclaredAsMissingAreNotOutOfRange() throws IOException {
        // pima-03.csv: 11 of 768 BMI values are 0 (awk -F, 'NR>1 && $6==0' | wc -l); the smallest other BMI is 18.2
        assertThat(bmiBelowTen("")).extracting(RuleResult::status, RuleResult::observed)
                .containsExactly(Status.FAIL, 11.0 / 768);
        assertThat(bmiBelowTen("  missing_tokens: {BMI: [\"0\"]}\n")).extracting(RuleResult::status, RuleResult::observed)
                .containsExactly(Status.PASS, 0.0);
    }

    private RuleResult bmiBelowTen(String missingTokens) throws IOException {
        Path rules = dir.resolve("pima-" + missingTokens.length() + ".yaml");
        Files.writeString(rules, "dataset: pima\nsource: " + PIMA + "\nlayout: file_per_snapshot\nfiles: \"*.csv\"\n"
                + "columns:\n  numeric: [BMI]\n" + missingTokens
                + "rules:\n  - {name: bmi, kind: value_range, columns: [BMI], min: 10}\n");
        RulesFile file = new RulesFileLoader().load(rules);
        var snapshot = new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(file.dataset(), PIMA.resolve("pima-03.csv"))
                .orElseThrow();
        var run = new SnapshotEvaluator(new Profiler(), Clock.systemUTC())
                .evaluate(file.dataset(), file.rules(), snapshot, Optional.empty());
        return run.results().get(0);
    }
}
