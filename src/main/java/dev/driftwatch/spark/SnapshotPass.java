package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.MergeableRowCheck;
import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.DuplicateRowsRule;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * One pass over each partition's rows that measures the profile and feeds, on the same rows, the row checks that
 * count without seeing other partitions' rows ({@link Rider}s: {@code missing_values}, the rules whose row checks
 * merge, {@code duplicate_rows}' copy keys), as Deequ's verification shares one scan. What each partition yields
 * ({@link Part}s: its partial profile, each rider's state, why a rider failed) is kept (memory, else local disk) for
 * the merges that follow, so the rows are read once for all of them. The riders' row work is timed with the snapshot
 * phase; a rule's own time is its merge or shuffle. A rider that throws stops counting and its rule reports the
 * error; the others go on. A partition's profile and checks share a {@code row_memory} of their own: an executor
 * holds that much per partition it reads at once.
 */
final class SnapshotPass {
    private final JavaRDD<Part> parts;
    private final int partitions;

    private SnapshotPass(JavaRDD<Part> parts, int partitions) {
        this.parts = parts;
        this.partitions = partitions;
    }

    /** What a partition yields. */
    sealed interface Part extends Serializable permits ProfilePart, RiderPart, FailedPart {
    }

    /** A partition's profile, as {@link ProfileCodec} bytes. */
    record ProfilePart(int partition, byte[] profile) implements Part {
    }

    /** A state a rider counted on a partition (a rider may yield several). */
    record RiderPart(int rule, int partition, Serializable state) implements Part {
    }

    /** Why the rider of a rule stopped on a partition. */
    record FailedPart(int rule, String message) implements Part {
    }

    /** Feeds one rule's row check with a partition's rows. Not thread-safe. */
    interface Rider {
        void accept(PlacedRow placed, Row row);

        /** What the rule counted on the partition, once it has seen every row. */
        List<? extends Serializable> states();
    }

    /**
     * The rider of the rule at {@code index}, when it rides the profile's pass; else empty (the rule reads the rows
     * on its own).
     */
    static Optional<Rider> riderOf(RunPlan.Loaded loaded, int index, SnapshotOrder order, MemoryBudget rowMemory) {
        Rule rule = loaded.rule(index);
        if (rule instanceof DuplicateRowsRule) {
            return Optional.of(DuplicatesOnSpark.rider(loaded, index));
        }
        if (rule instanceof MissingValuesRule) {
            return Optional.of(MissingValuesOnSpark.rider(loaded, index));
        }
        return rule.newRowCheck(loaded.file().dataset(), loaded.vocabulary(), rowMemory)
                .filter(MergeableRowCheck.class::isInstance)
                .map(check -> MergedChecksOnSpark.rider(loaded, index, order, rowMemory));
    }

    /**
     * Reads the rows once: the profile and the riders of the rules listed. Nothing runs until the first figure is
     * asked for.
     */
    static SnapshotPass over(JavaRDD<PlacedRow> rows, RunPlan plan, List<Integer> riding, SnapshotOrder order) {
        JavaRDD<Part> parts = rows.mapPartitionsWithIndex((index, partition) ->
                partOf(index, partition, plan, riding, order), true).persist(StorageLevel.MEMORY_AND_DISK());
        return new SnapshotPass(parts, rows.getNumPartitions());
    }

    private static Iterator<Part> partOf(int index, Iterator<PlacedRow> partition, RunPlan plan, List<Integer> riding,
                                         SnapshotOrder order) {
        RunPlan.Loaded loaded = plan.load();
        var rowMemory = new MemoryBudget(loaded.file().dataset().rowMemory());
        List<Part> out = new ArrayList<>();
        Map<Integer, Rider> riders = new LinkedHashMap<>();
        for (int rule : riding) {
            try {
                riders.put(rule, riderOf(loaded, rule, order, rowMemory).orElseThrow());
            } catch (RuntimeException e) {
                out.add(new FailedPart(rule, e.toString()));
            }
        }
        var headers = new PlacedRow.HeaderCache();
        Iterable<Row> engineRows = () -> Mapped.each(partition, placed -> {
            Row row = placed.toRow(headers);
            feed(riders, placed, row, out);
            return row;
        });
        SplitPolicy splits = loaded.file().dataset().splits();
        SnapshotProfile profile = new Profiler(1).profile(engineRows, loaded.request(),
                loaded.file().dataset().vocabulary(), rowMemory,
                splits.kind() == SplitPolicy.Kind.COLUMN ? splits.column() : null);
        out.add(new ProfilePart(index, ProfileCodec.toBytes(profile)));
        riders.forEach((rule, rider) -> {
            try {
                rider.states().forEach(state -> out.add(new RiderPart(rule, index, state)));
            } catch (RuntimeException e) {
                out.add(new FailedPart(rule, e.toString()));
            }
        });
        return out.iterator();
    }

    private static void feed(Map<Integer, Rider> riders, PlacedRow placed, Row row, List<Part> out) {
        for (Iterator<Map.Entry<Integer, Rider>> it = riders.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Rider> rider = it.next();
            try {
                rider.getValue().accept(placed, row);
            } catch (RuntimeException e) {
                out.add(new FailedPart(rider.getKey(), e.toString()));
                it.remove();
            }
        }
    }

    /** The profile of every row, the partitions' profiles merged in a tree ({@link PartitionTree}). */
    SnapshotProfile profile() {
        JavaPairRDD<Integer, byte[]> level = parts.filter(ProfilePart.class::isInstance)
                .mapToPair(part -> new Tuple2<>(((ProfilePart) part).partition(), ((ProfilePart) part).profile()));
        return ProfileCodec.fromBytes(PartitionTree.merged(level, partitions, SnapshotPass::mergedProfiles,
                bytes -> bytes));
    }

    private static byte[] mergedProfiles(byte[] lower, byte[] higher) {
        return ProfileCodec.toBytes(ProfileCodec.fromBytes(lower).merge(ProfileCodec.fromBytes(higher)));
    }

    /** Per riding rule whose rider failed on some partition, the first reason. */
    Map<Integer, String> failures() {
        Map<Integer, String> failures = new HashMap<>();
        parts.filter(FailedPart.class::isInstance).collect()
                .forEach(part -> failures.putIfAbsent(((FailedPart) part).rule(), ((FailedPart) part).message()));
        return failures;
    }

    /** The states the rider of a rule yielded, with the partition each comes from. */
    <T extends Serializable> JavaPairRDD<Integer, T> states(int rule) {
        return parts.filter(part -> part instanceof RiderPart rider && rider.rule() == rule)
                .mapToPair(part -> {
                    RiderPart rider = (RiderPart) part;
                    @SuppressWarnings("unchecked")
                    T state = (T) rider.state();
                    return new Tuple2<>(rider.partition(), state);
                });
    }

    int partitions() {
        return partitions;
    }

    /** Drops what the pass kept. */
    void release() {
        parts.unpersist(false);
    }
}
