package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.SnapshotOrder;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules files evaluate their example snapshots in the order of the dates in their names
 * (src/examples/README.md lists each folder's commit date), whatever times a git checkout gave the files.
 */
class ShippedRulesOrderTest {
    /** A day later, so files just checked out have settled. */
    private final SnapshotDiscovery discovery = new SnapshotDiscovery(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)));

    @Test
    void madeWithMlFoldersFollowTheirCommitDates() {
        assertThat(ids("rules/madewithml.yaml")).containsExactly("s13_2022-04-18_Made-With-ML_d3491f3",
                "s15_2022-05-02_Made-With-ML_578e612", "s16_2022-05-03_Made-With-ML_5c59a97");
        assertThat(ids("rules/madewithml-split.yaml")).containsExactly("s24_2023-07-26_Made-With-ML_776a75b",
                "s25_2023-08-19_Made-With-ML_030573f");
    }

    @Test
    void pimaExtractsFollowTheirNumbers() {
        assertThat(ids("rules/pima.yaml")).containsExactly("pima-01.csv", "pima-02.csv", "pima-03.csv");
    }

    private List<String> ids(String rules) {
        RulesFile file = new RulesFileLoader().load(Path.of(rules));
        assertThat(file.dataset().layout().order()).isEqualTo(SnapshotOrder.NAME);
        return discovery.discover(file.dataset()).stream().map(Snapshot::id).toList();
    }
}
