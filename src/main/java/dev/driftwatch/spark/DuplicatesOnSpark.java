package dev.driftwatch.spark;

import com.carrotsearch.hppc.LongArrayList;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.DuplicateRowsRule;
import dev.driftwatch.engine.spill.SortedRuns;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * {@code duplicate_rows} on Spark. In the profile's pass ({@link SnapshotPass}) each row's copy key and place (two
 * longs) go to one of {@value #BUCKETS} buckets by key, per split, as primitive arrays; one shuffle brings each split's
 * bucket together, where the keys are sorted in the dataset's {@code row_memory} (beyond it in sorted runs on local
 * disk, {@link SortedRuns}): a run of equal keys is a row and its copies, in snapshot order. Each bucket yields its
 * count of repeated rows and its earliest {@code max_evidence} repeated rows; the driver adds the counts up and keeps
 * the earliest of each split, whose values are read again from the partitions that hold them, each up to the last
 * of them (a bounded sample).
 */
final class DuplicatesOnSpark {
    private static final int BUCKET_BITS = 6;
    private static final int BUCKETS = 1 << BUCKET_BITS;

    private DuplicatesOnSpark() {
    }

    /** The copy keys of a partition's rows of one split that fall in one bucket: key and place, two longs a row. */
    record Keys(String split, int bucket, long[] keysAndPlaces) implements Serializable {
    }

    /**
     * The repeated rows of one split's bucket: how many, and the earliest of them (their places in snapshot order, and
     * the place of the row each repeats), at most {@code max_evidence}.
     */
    record Repeats(String split, long repeated, long[] places, long[] firsts) implements Serializable {
    }

    static SnapshotPass.Rider rider(RunPlan.Loaded loaded, int ruleIndex) {
        DuplicateRowsRule rule = (DuplicateRowsRule) loaded.rule(ruleIndex);
        RowDerivation<Long> copyKey = rule.copyKey(loaded.file().dataset().columns().id());
        Map<String, LongArrayList[]> splits = new LinkedHashMap<>();
        return new SnapshotPass.Rider() {
            @Override
            public void accept(PlacedRow placed, Row row) {
                long key = copyKey.derive(row);
                LongArrayList[] buckets = splits.computeIfAbsent(placed.split(), s -> new LongArrayList[BUCKETS]);
                int bucket = (int) ((key * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - BUCKET_BITS));
                if (buckets[bucket] == null) {
                    buckets[bucket] = new LongArrayList();
                }
                buckets[bucket].add(key, placed.position());
            }

            @Override
            public List<Keys> states() {
                List<Keys> out = new ArrayList<>();
                splits.forEach((split, buckets) -> {
                    for (int b = 0; b < BUCKETS; b++) {
                        if (buckets[b] != null) {
                            out.add(new Keys(split, b, buckets[b].toArray()));
                        }
                    }
                });
                return out;
            }
        };
    }

    static Rule.RowCheck check(SnapshotPass pass, JavaRDD<PlacedRow> rows, RunPlan plan, RunPlan.Loaded driver,
                               int ruleIndex) {
        DuplicateRowsRule rule = (DuplicateRowsRule) driver.rule(ruleIndex);
        String idColumn = driver.file().dataset().columns().id();
        long rowMemory = driver.file().dataset().rowMemory();
        int keep = rule.maxEvidence();
        List<Repeats> found = pass.<Keys>states(ruleIndex).values()
                .mapToPair(keys -> new Tuple2<>(new Tuple2<>(keys.split(), keys.bucket()), keys.keysAndPlaces()))
                .groupByKey(pass.partitions())
                .map(bucket -> repeatsOf(bucket._1()._1(), bucket._2(), rowMemory, keep))
                .filter(repeats -> repeats.repeated() > 0)
                .collect();
        Map<String, Long> counts = new HashMap<>();
        Map<String, List<long[]>> earliest = new HashMap<>();
        for (Repeats repeats : found) {
            counts.merge(repeats.split(), repeats.repeated(), Long::sum);
            List<long[]> ofSplit = earliest.computeIfAbsent(repeats.split(), s -> new ArrayList<>());
            for (int i = 0; i < repeats.places().length; i++) {
                ofSplit.add(new long[]{repeats.places()[i], repeats.firsts()[i]});
            }
        }
        Map<Long, Long> wanted = new HashMap<>();
        earliest.values().forEach(ofSplit -> ofSplit.stream().sorted(Comparator.comparingLong(place -> place[0]))
                .limit(keep).forEach(place -> wanted.put(place[0], place[1])));
        return rule.counted(counts, examples(rows, plan, ruleIndex, idColumn, wanted, partitionsOf(pass, ruleIndex,
                new HashSet<>(wanted.keySet()))));
    }

    /** How many of the places each partition holds, from the keys the pass kept (no row is read). */
    private static Map<Integer, Integer> partitionsOf(SnapshotPass pass, int ruleIndex, Set<Long> places) {
        Map<Integer, Integer> held = new HashMap<>();
        if (places.isEmpty()) {
            return held;
        }
        pass.<Keys>states(ruleIndex).flatMapToPair(part -> {
            List<Tuple2<Integer, Integer>> found = new ArrayList<>();
            long[] keysAndPlaces = part._2().keysAndPlaces();
            for (int i = 1; i < keysAndPlaces.length; i += 2) {
                if (places.contains(keysAndPlaces[i])) {
                    found.add(new Tuple2<>(part._1(), 1));
                }
            }
            return found.iterator();
        }).reduceByKey(Integer::sum).collect().forEach(partition -> held.put(partition._1(), partition._2()));
        return held;
    }

    private static Repeats repeatsOf(String split, Iterable<long[]> parts, long rowMemory, int keep) {
        PriorityQueue<long[]> latestFirst = new PriorityQueue<>(Comparator.comparingLong((long[] p) -> p[0]).reversed());
        long repeated = 0;
        try (SortedRuns sorted = new SortedRuns(2, rowMemory, null)) {
            for (long[] part : parts) {
                for (int i = 0; i < part.length; i += 2) {
                    sorted.add(part[i], part[i + 1]);
                }
            }
            SortedRuns.Cursor cursor = sorted.sorted();
            boolean any = false;
            long key = 0;
            long first = 0;
            while (cursor.next()) {
                if (any && cursor.get(0) == key) {
                    repeated++;
                    latestFirst.add(new long[]{cursor.get(1), first});
                    if (latestFirst.size() > keep) {
                        latestFirst.poll();
                    }
                } else {
                    any = true;
                    key = cursor.get(0);
                    first = cursor.get(1);
                }
            }
        }
        long[][] kept = latestFirst.toArray(long[][]::new);
        java.util.Arrays.sort(kept, Comparator.comparingLong(p -> p[0]));
        long[] places = new long[kept.length];
        long[] firsts = new long[kept.length];
        for (int i = 0; i < kept.length; i++) {
            places[i] = kept[i][0];
            firsts[i] = kept[i][1];
        }
        return new Repeats(split, repeated, places, firsts);
    }

    /**
     * The evidence of the wanted rows, read again from the partitions that hold them only, each up to the last of
     * them.
     */
    private static Map<String, List<Evidence>> examples(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex,
                                                        String idColumn, Map<Long, Long> wanted,
                                                        Map<Integer, Integer> partitions) {
        Map<String, List<Evidence>> examples = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return examples;
        }
        List<EvidenceRow> found = rows.mapPartitionsWithIndex((index, partition) -> {
            int left = partitions.getOrDefault(index, 0);
            List<EvidenceRow> out = new ArrayList<>();
            if (left == 0) {
                return out.iterator();
            }
            DuplicateRowsRule local = (DuplicateRowsRule) plan.load().rule(ruleIndex);
            var headers = new PlacedRow.HeaderCache();
            while (out.size() < left && partition.hasNext()) {
                PlacedRow placed = partition.next();
                Long first = wanted.get(placed.position());
                if (first != null) {
                    out.add(EvidenceRow.of(placed, local.repeatEvidence(placed.toRow(headers), idColumn,
                            PlacedRow.lineOf(first))));
                }
            }
            return out.iterator();
        }, false).collect();
        found.stream().sorted(Comparator.comparingLong(EvidenceRow::position)).forEach(e -> examples
                .computeIfAbsent(e.split(), s -> new ArrayList<>()).add(e.evidence()));
        return examples;
    }
}
