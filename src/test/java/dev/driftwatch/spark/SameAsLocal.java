package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** The Spark runner and the local engine on the same snapshot, compared result by result (the Spark tests' oracle). */
final class SameAsLocal {
    private SameAsLocal() {
    }

    /** Runs both engines; checks every result is the same; returns the Spark runner's report. */
    static RunReport run(SparkSession spark, RulesFile rules, Path snapshot, Path reference, int minPartitions) {
        return run(spark, rules, snapshot, reference, minPartitions, Clock.systemUTC());
    }

    /** As {@link #run(SparkSession, RulesFile, Path, Path, int)}, both engines at {@code clock}'s time. */
    static RunReport run(SparkSession spark, RulesFile rules, Path snapshot, Path reference, int minPartitions,
                         Clock clock) {
        var discovery = new SnapshotDiscovery(Clock.systemUTC());
        Snapshot current = discovery.snapshotAt(rules.dataset(), snapshot).orElseThrow();
        assertThat(SnapshotRows.read(spark, rules.dataset(), current).rows().getNumPartitions())
                .isGreaterThanOrEqualTo(minPartitions);
        var evaluator = new SnapshotEvaluator(new Profiler(2), clock);
        Optional<SnapshotEvaluator.Reference> ref = Optional.ofNullable(reference).map(path -> {
            Snapshot s = discovery.snapshotAt(rules.dataset(), path).orElseThrow();
            return new SnapshotEvaluator.Reference(s.id(), evaluator.profile(rules.dataset(), rules.rules(), s));
        });
        RunReport local = evaluator.evaluate(rules.dataset(), rules.rules(), current, ref);
        RunReport onSpark = new SparkRunner(spark, clock).run(rules, snapshot, reference).report();

        assertThat(onSpark.profile().rowsPerSplit()).isEqualTo(local.profile().rowsPerSplit());
        assertThat(onSpark.profile().duplicates()).isEqualTo(local.profile().duplicates());
        assertThat(onSpark.results()).hasSameSizeAs(local.results());
        for (int i = 0; i < local.results().size(); i++) {
            RuleResult expected = local.results().get(i);
            RuleResult actual = onSpark.results().get(i);
            String what = expected.rule() + " " + expected.check() + " " + expected.column() + " " + expected.split();
            assertThat(actual.status()).as(what).isEqualTo(expected.status());
            assertThat(actual.rule() + " " + actual.check() + " " + actual.column() + " " + actual.split()).isEqualTo(what);
            if (expected.observed() == null) {
                assertThat(actual.observed()).as(what).isNull();
            } else {
                assertThat(actual.observed()).as(what).isCloseTo(expected.observed(), within(1e-9));
            }
            assertThat(actual.threshold()).as(what).isEqualTo(expected.threshold());
            assertThat(actual.message()).as(what).isEqualTo(expected.message());
            assertThat(actual.evidence()).as(what).isEqualTo(expected.evidence());
        }
        assertThat(onSpark.status()).isEqualTo(local.status());
        assertThat(onSpark.snapshot().provenance().sha256()).isEqualTo(local.snapshot().provenance().sha256());
        return onSpark;
    }
}
