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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * {@code duplicate_rows} on Spark. In the profile's pass ({@link SnapshotPass}) each row's copy key and place (two
 * longs) go to one of {@value #BUCKETS} buckets by key, per split, as primitive arrays; one shuffle brings each split's
 * bucket together, where the keys are sorted in the dataset's {@code row_memory} (beyond it in sorted runs on local
 * disk, {@link SortedRuns}): a run of equal keys is a row and its copies, in snapshot order. Each bucket yields its
 * count of repeated rows and its earliest {@code max_evidence} repeated rows; the driver adds the counts up and keeps
 * the earliest of each split, whose values are read again on the executors that hold them (a bounded sample).
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
        return rule.counted(counts, examples(rows, plan, ruleIndex, idColumn, wanted));
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

    private static Map<String, List<Evidence>> examples(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex,
                                                        String idColumn, Map<Long, Long> wanted) {
        Map<String, List<Evidence>> examples = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return examples;
        }
        List<EvidenceRow> found = rows.filter(row -> wanted.containsKey(row.position())).mapPartitions(partition -> {
            DuplicateRowsRule local = (DuplicateRowsRule) plan.load().rule(ruleIndex);
            var headers = new PlacedRow.HeaderCache();
            List<EvidenceRow> out = new ArrayList<>();
            partition.forEachRemaining(placed -> {
                Row row = placed.toRow(headers);
                out.add(EvidenceRow.of(placed, local.repeatEvidence(row, idColumn,
                        PlacedRow.lineOf(wanted.get(placed.position())))));
            });
            return out.iterator();
        }).collect();
        found.stream().sorted(Comparator.comparingLong(EvidenceRow::position)).forEach(e -> examples
                .computeIfAbsent(e.split(), s -> new ArrayList<>()).add(e.evidence()));
        return examples;
    }
}
