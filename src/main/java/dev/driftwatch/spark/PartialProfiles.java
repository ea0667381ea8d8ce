package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The profile of a snapshot on Spark: each partition is profiled by the engine's own accumulators as its rows stream
 * by (a partition's rows are never held together), and the partial
 * profiles (sketches, a few kilobytes to megabytes, never rows) are merged in a tree on the executors (eight at a time)
 * ({@link PartitionTree}), always the lower partition first, so the merge order does not depend on scheduling.
 * Each partition keeps its row fingerprints in a {@code row_memory} of its own: an executor holds that much per
 * partition it profiles at once.
 */
final class PartialProfiles {
    private PartialProfiles() {
    }

    static SnapshotProfile of(JavaRDD<PlacedRow> rows, RunPlan plan) {
        JavaPairRDD<Integer, byte[]> level = rows.mapPartitionsWithIndex((index, partition) -> {
            RunPlan.Loaded loaded = plan.load();
            var headers = new PlacedRow.HeaderCache();
            Iterable<Row> engineRows = () -> Mapped.each(partition, row -> row.toRow(headers));
            SnapshotProfile profile = new Profiler(1).profile(engineRows, loaded.request(),
                    loaded.file().dataset().vocabulary(), new MemoryBudget(loaded.file().dataset().rowMemory()));
            return List.of(new Tuple2<>(index, ProfileCodec.toBytes(profile))).iterator();
        }, true).mapToPair(pair -> pair);
        return ProfileCodec.fromBytes(PartitionTree.merged(level, rows.getNumPartitions(),
                PartialProfiles::merged, bytes -> bytes));
    }

    private static byte[] merged(byte[] lower, byte[] higher) {
        return ProfileCodec.toBytes(ProfileCodec.fromBytes(lower).merge(ProfileCodec.fromBytes(higher)));
    }
}
