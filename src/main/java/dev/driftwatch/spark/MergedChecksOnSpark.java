package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.MergeableRowCheck;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.List;

/**
 * The rules whose row checks merge ({@link MergeableRowCheck}: {@code value_range}, {@code type_consistency},
 * {@code freshness}, {@code unseen_tags}, {@code target_leakage}) on Spark: each partition feeds the rule's own row
 * check in the profile's pass ({@link SnapshotPass}), the partitions' checks are merged in a tree on the executors
 * ({@link PartitionTree}), and the driver merges the whole into a fresh check of its own, which the rule judges as it
 * does locally. What reaches the driver is the whole check's state (counts, sketches, the first evidence rows,
 * {@code target_leakage}'s powers per feature: see {@link MergeableRowCheck#summarised()}), never rows; between
 * executors, {@code target_leakage}'s parts carry its sample of at most 50,000 labelled rows.
 */
final class MergedChecksOnSpark {
    private MergedChecksOnSpark() {
    }

    /**
     * The check of one partition's rows. A partition may hold blocks of several files out of snapshot order: each run
     * of rows in order feeds a check of its own, and the runs' checks merge, so the first evidence rows are the
     * snapshot's first.
     */
    static SnapshotPass.Rider rider(RunPlan.Loaded loaded, int ruleIndex, SnapshotOrder order, MemoryBudget rowMemory) {
        Rule rule = loaded.rule(ruleIndex);
        return new SnapshotPass.Rider() {
            private MergeableRowCheck part = fresh();
            private MergeableRowCheck run;
            private long last = Long.MIN_VALUE;

            @Override
            public void accept(PlacedRow placed, Row row) {
                if (run == null || placed.position() < last) {
                    mergeRun();
                    run = fresh();
                }
                last = placed.position();
                run.accept(row);
            }

            @Override
            public List<MergeableRowCheck> states() {
                mergeRun();
                return List.of(part);
            }

            private void mergeRun() {
                if (run != null) {
                    part.merge(run, order);
                    run = null;
                }
            }

            private MergeableRowCheck fresh() {
                return (MergeableRowCheck) rule.newRowCheck(loaded.file().dataset(), loaded.vocabulary(), rowMemory)
                        .orElseThrow();
            }
        };
    }

    /**
     * @param whole the driver's fresh check of the rule, which receives the merged state
     * @return {@code whole}, having seen every row
     */
    static Rule.RowCheck check(SnapshotPass pass, int ruleIndex, MergeableRowCheck whole, SnapshotOrder order) {
        whole.merge(PartitionTree.merged(pass.<MergeableRowCheck>states(ruleIndex), pass.partitions(),
                (lower, higher) -> {
                    lower.merge(higher, order);
                    return lower;
                }, MergeableRowCheck::summarised), order);
        return whole;
    }
}
