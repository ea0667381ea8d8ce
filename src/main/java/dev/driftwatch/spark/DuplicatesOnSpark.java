package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.DuplicateRowsRule;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * {@code duplicate_rows} on Spark: rows are shuffled as (copy fingerprint, place) pairs of longs; per fingerprint,
 * the first place and the count give the repeated rows of each split, as the local rule counts them. Evidence: the
 * first repeated rows of each split in snapshot order (a bounded sample), whose values are read again on the
 * executors that hold them.
 */
final class DuplicatesOnSpark {
    private DuplicatesOnSpark() {
    }

    /** The copies of one fingerprint: the first row's place, how many rows have it, and their split. */
    record Copies(long first, long count, String split) implements Serializable {
        Copies with(Copies other) {
            return new Copies(Math.min(first, other.first), count + other.count, split);
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
        JavaPairRDD<Long, Copies> keyed = rows.mapPartitionsToPair(partition -> {
            DuplicateRowsRule local = (DuplicateRowsRule) plan.load().rule(ruleIndex);
            RowDerivation<Long> key = local.copyKey(idColumn);
            var headers = new PlacedRow.HeaderCache();
            List<Tuple2<Long, Copies>> out = new ArrayList<>();
            partition.forEachRemaining(placed -> out.add(new Tuple2<>(key.derive(placed.toRow(headers)),
                    new Copies(placed.position(), 1, placed.split()))));
            return out.iterator();
        });
        JavaPairRDD<Long, Copies> perKey = keyed.reduceByKey(Copies::with);
        Map<String, Long> repeated = new HashMap<>(perKey.values().filter(c -> c.count() > 1)
                .mapToPair(c -> new Tuple2<>(c.split(), c.count() - 1)).reduceByKey(Long::sum).collectAsMap());
        JavaRDD<Repeat> repeats = keyed.join(perKey.mapValues(Copies::first))
                .filter(pair -> pair._2()._1().first() != pair._2()._2())
                .map(pair -> new Repeat(pair._2()._1().split(), pair._2()._1().first(), pair._2()._2()));
        Map<Long, Long> wanted = new HashMap<>();
        for (String split : splits) {
            if (repeated.getOrDefault(split, 0L) > 0 && rule.maxEvidence() > 0) {
                repeats.filter(r -> r.split().equals(split)).takeOrdered(rule.maxEvidence(), IN_ORDER)
                        .forEach(r -> wanted.put(r.position(), r.first()));
            }
        }
        Map<String, List<Evidence>> examples = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
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
        }
        return rule.counted(repeated, examples);
    }
}
