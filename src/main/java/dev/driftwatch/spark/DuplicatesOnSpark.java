package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.DuplicateRowsRule;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * {@code duplicate_rows} on Spark: rows are shuffled as (copy fingerprint, place) pairs; per fingerprint, the first
 * place, the count and the earliest {@code max_evidence} later places give the repeated rows of each split, as the
 * local rule counts them, in one shuffle. Evidence: the first repeated rows of each split in snapshot order (a
 * bounded sample: the earliest of each fingerprint's earliest), whose values are read again on the executors that
 * hold them.
 */
final class DuplicatesOnSpark {
    private DuplicatesOnSpark() {
    }

    /**
     * The copies of one fingerprint: the first row's place, how many rows have it, their split, and the places of the
     * earliest later rows (at most {@code keep}, in order).
     */
    record Copies(long first, long count, String split, long[] later, int keep) implements Serializable {
        static Copies of(long place, String split, int keep) {
            return new Copies(place, 1, split, new long[0], keep);
        }

        Copies with(Copies other) {
            long[] places = new long[2 + later.length + other.later.length];
            places[0] = first;
            places[1] = other.first;
            System.arraycopy(later, 0, places, 2, later.length);
            System.arraycopy(other.later, 0, places, 2 + later.length, other.later.length);
            Arrays.sort(places);
            return new Copies(places[0], count + other.count, split,
                    Arrays.copyOfRange(places, 1, Math.min(places.length, keep + 1)), keep);
        }
    }

    /** A repeated row: its split, its place and the place of the row it repeats. */
    record Repeat(String split, long position, long first) implements Serializable {
    }

    private static final Comparator<Repeat> IN_ORDER = (Comparator<Repeat> & Serializable)
            (a, b) -> Long.compare(a.position(), b.position());

    static Rule.RowCheck check(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex, Set<String> splits) {
        RunPlan.Loaded driver = plan.load();
        DuplicateRowsRule rule = (DuplicateRowsRule) driver.rule(ruleIndex);
        String idColumn = driver.file().dataset().columns().id();
        int keep = rule.maxEvidence();
        JavaRDD<Copies> repeated = rows.mapPartitionsToPair(partition -> {
            DuplicateRowsRule local = (DuplicateRowsRule) plan.load().rule(ruleIndex);
            RowDerivation<Long> key = local.copyKey(idColumn);
            var headers = new PlacedRow.HeaderCache();
            return Mapped.each(partition, placed -> new Tuple2<>(key.derive(placed.toRow(headers)),
                    Copies.of(placed.position(), placed.split(), keep)));
        }).reduceByKey(Copies::with).values().filter(c -> c.count() > 1).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> counts = new HashMap<>(repeated.mapToPair(c -> new Tuple2<>(c.split(), c.count() - 1))
                    .reduceByKey(Long::sum).collectAsMap());
            Map<Long, Long> wanted = new HashMap<>();
            if (keep > 0 && !counts.isEmpty()) {
                for (String split : splits) {
                    if (counts.getOrDefault(split, 0L) > 0) {
                        repeated.filter(c -> c.split().equals(split))
                                .flatMap(c -> Arrays.stream(c.later()).mapToObj(p -> new Repeat(c.split(), p, c.first())).iterator())
                                .takeOrdered(keep, IN_ORDER)
                                .forEach(r -> wanted.put(r.position(), r.first()));
                    }
                }
            }
            return rule.counted(counts, examples(rows, plan, ruleIndex, idColumn, wanted));
        } finally {
            repeated.unpersist(false);
        }
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
