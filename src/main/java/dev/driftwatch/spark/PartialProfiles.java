package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * The profile of a snapshot on Spark: each partition is profiled by the engine's own accumulators as its rows stream
 * by (a partition's rows are never held together), and the partial
 * profiles (sketches, a few kilobytes to megabytes, never rows) are merged pairwise in a tree on the executors,
 * always the lower partition first, so the merge order does not depend on scheduling.
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
                    loaded.file().dataset().vocabulary());
            return List.of(new Tuple2<>(index, ProfileCodec.toBytes(profile))).iterator();
        }, true).mapToPair(pair -> pair);
        long parts = rows.getNumPartitions();
        while (parts > 1) {
            int fanIn = 2;
            level = level.mapToPair(pair -> new Tuple2<>(pair._1() / fanIn, new Tuple2<>(pair._1(), pair._2())))
                    .groupByKey()
                    .mapToPair(group -> new Tuple2<>(group._1(), mergedInOrder(group._2().iterator())));
            parts = (parts + fanIn - 1) / fanIn;
        }
        List<byte[]> merged = level.values().collect();
        return ProfileCodec.fromBytes(merged.get(0));
    }

    private static byte[] mergedInOrder(Iterator<Tuple2<Integer, byte[]>> parts) {
        List<Tuple2<Integer, byte[]>> sorted = new ArrayList<>();
        parts.forEachRemaining(sorted::add);
        sorted.sort(java.util.Comparator.comparing(Tuple2::_1));
        SnapshotProfile merged = null;
        for (var part : sorted) {
            SnapshotProfile profile = ProfileCodec.fromBytes(part._2());
            merged = merged == null ? profile : merged.merge(profile);
        }
        return ProfileCodec.toBytes(merged);
    }
}
