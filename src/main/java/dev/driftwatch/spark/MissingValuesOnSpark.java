package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.snapshot.Snapshot;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * {@code missing_values} on Spark: on each partition, in the profile's pass ({@link SnapshotPass}), the rule's own row
 * check counts the rule's tokens and keeps its first rows with a missing value; the driver adds the counts up and
 * keeps the first examples in snapshot order. What travels is a few counts and at most {@code max_evidence} examples
 * per partition, split and column.
 */
final class MissingValuesOnSpark {
    private MissingValuesOnSpark() {
    }

    /** A {@link MissingValuesRule.Tally} as it travels from an executor to the driver. */
    record TallyRow(String split, String column, HashMap<String, Long> tokenHits, ArrayList<Evidence> examples)
            implements Serializable {
    }

    static SnapshotPass.Rider rider(RunPlan.Loaded loaded, int ruleIndex) {
        MissingValuesRule rule = (MissingValuesRule) loaded.rule(ruleIndex);
        Rule.RowCheck check = rule.newRowCheck(loaded.file().dataset()).orElseThrow();
        return new SnapshotPass.Rider() {
            @Override
            public void accept(PlacedRow placed, Row row) {
                check.accept(row);
            }

            @Override
            public List<TallyRow> states() {
                List<TallyRow> out = new ArrayList<>();
                for (MissingValuesRule.Tally tally : rule.tallies(check)) {
                    out.add(new TallyRow(tally.split(), tally.column(), new HashMap<>(tally.tokenHits()),
                            new ArrayList<>(tally.examples())));
                }
                return out;
            }
        };
    }

    static Rule.RowCheck check(SnapshotPass pass, RunPlan.Loaded driver, int ruleIndex, Snapshot snapshot) {
        MissingValuesRule rule = (MissingValuesRule) driver.rule(ruleIndex);
        List<MissingValuesRule.Tally> tallies = new ArrayList<>();
        pass.<TallyRow>states(ruleIndex).values().collect().forEach(part -> tallies.add(
                new MissingValuesRule.Tally(part.split(), part.column(), part.tokenHits(), part.examples())));
        return rule.merged(driver.file().dataset(), tallies, new SnapshotOrder(snapshot));
    }
}
