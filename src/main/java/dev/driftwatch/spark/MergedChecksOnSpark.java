package dev.driftwatch.spark;

import dev.driftwatch.engine.rule.MergeableRowCheck;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The rules whose row checks merge ({@link MergeableRowCheck}: {@code value_range}, {@code type_consistency},
 * {@code freshness}, {@code unseen_tags}, {@code target_leakage}) on Spark: each partition feeds the rule's own row
 * check, the partitions' checks are merged in a tree on the executors ({@link PartitionTree}), and the driver merges
 * the whole into a fresh check of its own, which the rule judges as it does locally. What reaches the driver is the
 * whole check's state (counts, sketches, the first evidence rows, {@code target_leakage}'s powers per feature: see
 * {@link MergeableRowCheck#summarised()}), never rows; between executors, {@code target_leakage}'s parts carry its
 * sample of at most 50,000 labelled rows.
 */
final class MergedChecksOnSpark {
    private MergedChecksOnSpark() {
    }

    /**
     * @param whole the driver's fresh check of the rule, which receives the merged state
     * @return {@code whole}, having seen every row
     */
    static Rule.RowCheck check(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex, MergeableRowCheck whole,
                               Snapshot snapshot) {
        SnapshotOrder order = new SnapshotOrder(snapshot);
        JavaPairRDD<Integer, MergeableRowCheck> parts = rows.mapPartitionsWithIndex((index, partition) ->
                List.of(new Tuple2<>(index, partOf(partition, plan, ruleIndex, order))).iterator(), true)
                .mapToPair(pair -> pair);
        whole.merge(PartitionTree.merged(parts, rows.getNumPartitions(), (lower, higher) -> {
            lower.merge(higher, order);
            return lower;
        }, MergeableRowCheck::summarised), order);
        return whole;
    }

    /**
     * The check of one partition's rows. A partition may hold blocks of several files out of snapshot order: each run
     * of rows in order feeds a check of its own, and the runs' checks merge, so the first evidence rows are the
     * snapshot's first. The partition's checks share a {@code row_memory} of their own (per partition, not per run).
     */
    private static MergeableRowCheck partOf(Iterator<PlacedRow> partition, RunPlan plan, int ruleIndex,
                                            SnapshotOrder order) {
        RunPlan.Loaded loaded = plan.load();
        Rule rule = loaded.rule(ruleIndex);
        var rowMemory = new MemoryBudget(loaded.file().dataset().rowMemory());
        var headers = new PlacedRow.HeaderCache();
        MergeableRowCheck part = null;
        MergeableRowCheck run = null;
        long last = Long.MIN_VALUE;
        while (partition.hasNext()) {
            PlacedRow placed = partition.next();
            if (run == null || placed.position() < last) {
                if (run != null) {
                    part = mergedInto(part, run, order);
                }
                run = (MergeableRowCheck) rule.newRowCheck(loaded.file().dataset(), loaded.vocabulary(), rowMemory)
                        .orElseThrow();
            }
            last = placed.position();
            run.accept(placed.toRow(headers));
        }
        if (run == null) {
            return (MergeableRowCheck) rule.newRowCheck(loaded.file().dataset(), loaded.vocabulary(), rowMemory)
                    .orElseThrow();
        }
        return mergedInto(part, run, order);
    }

    private static MergeableRowCheck mergedInto(MergeableRowCheck part, MergeableRowCheck run, SnapshotOrder order) {
        if (part == null) {
            return run;
        }
        part.merge(run, order);
        return part;
    }
}
