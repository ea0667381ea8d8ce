package dev.driftwatch.spark;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.snapshot.Snapshot;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * {@code missing_values} on Spark: each partition feeds the rule's own row check, which counts the rule's tokens and
 * keeps its first rows with a missing value; the driver adds the counts up and keeps the first examples in snapshot
 * order. What travels is a few counts and at most {@code max_evidence} examples per partition, split and column.
 */
final class MissingValuesOnSpark {
    private MissingValuesOnSpark() {
    }

    /** A {@link MissingValuesRule.Tally} as it travels from an executor to the driver. */
    record TallyRow(String split, String column, HashMap<String, Long> tokenHits, ArrayList<Evidence> examples)
            implements Serializable {
    }

    static Rule.RowCheck check(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex, Snapshot snapshot) {
        RunPlan.Loaded driver = plan.load();
        MissingValuesRule rule = (MissingValuesRule) driver.rule(ruleIndex);
        List<TallyRow> parts = rows.mapPartitions(partition -> {
            RunPlan.Loaded loaded = plan.load();
            MissingValuesRule local = (MissingValuesRule) loaded.rule(ruleIndex);
            Rule.RowCheck check = local.newRowCheck(loaded.file().dataset()).orElseThrow();
            var headers = new PlacedRow.HeaderCache();
            partition.forEachRemaining(placed -> check.accept(placed.toRow(headers)));
            List<TallyRow> out = new ArrayList<>();
            for (MissingValuesRule.Tally tally : local.tallies(check)) {
                out.add(new TallyRow(tally.split(), tally.column(), new HashMap<>(tally.tokenHits()),
                        new ArrayList<>(tally.examples())));
            }
            return out.iterator();
        }).collect();
        List<MissingValuesRule.Tally> tallies = new ArrayList<>();
        for (TallyRow part : parts) {
            tallies.add(new MissingValuesRule.Tally(part.split(), part.column(), part.tokenHits(), part.examples()));
        }
        return rule.merged(driver.file().dataset(), tallies, new SnapshotOrder(snapshot));
    }
}
