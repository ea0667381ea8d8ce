package dev.driftwatch.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.DuplicateRowsRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code duplicate_rows} on Spark: each row becomes (split, copy fingerprint, place), three columns Spark SQL groups
 * in its own binary format; per split and fingerprint, the count and the first place give the repeated rows of each
 * split, as the local rule counts them. Evidence: the first repeated rows of each split in snapshot order (a bounded
 * sample: the fingerprints with copies joined back to the places, the earliest {@code max_evidence} that are not
 * their fingerprint's first), whose values are read again on the executors that hold them.
 */
final class DuplicatesOnSpark {
    private static final StructType PLACES = new StructType()
            .add("split", DataTypes.StringType, false)
            .add("key", DataTypes.LongType, false)
            .add("position", DataTypes.LongType, false);

    private DuplicatesOnSpark() {
    }

    static Rule.RowCheck check(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex, Set<String> splits) {
        RunPlan.Loaded driver = plan.load();
        DuplicateRowsRule rule = (DuplicateRowsRule) driver.rule(ruleIndex);
        String idColumn = driver.file().dataset().columns().id();
        int keep = rule.maxEvidence();
        JavaRDD<org.apache.spark.sql.Row> keyed = rows.mapPartitions(partition -> {
            DuplicateRowsRule local = (DuplicateRowsRule) plan.load().rule(ruleIndex);
            RowDerivation<Long> key = local.copyKey(idColumn);
            var headers = new PlacedRow.HeaderCache();
            return Mapped.each(partition, placed -> RowFactory.create(placed.split(),
                    key.derive(placed.toRow(headers)), placed.position()));
        });
        Dataset<org.apache.spark.sql.Row> places = SparkSession.active().createDataFrame(keyed, PLACES)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<org.apache.spark.sql.Row> copied = places.groupBy("split", "key")
                    .agg(count(lit(1)).as("rows"), min("position").as("first"))
                    .filter(col("rows").gt(1))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Map<String, Long> counts = new HashMap<>();
            copied.groupBy("split").agg(sum(col("rows").minus(1)).as("repeated")).collectAsList()
                    .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
            Map<Long, Long> wanted = new HashMap<>();
            if (keep > 0 && !counts.isEmpty()) {
                Dataset<org.apache.spark.sql.Row> repeats = places.join(copied.select("split", "key", "first"),
                        new String[]{"split", "key"}).filter(col("position").notEqual(col("first")));
                for (String split : splits) {
                    if (counts.getOrDefault(split, 0L) > 0) {
                        repeats.filter(col("split").equalTo(split)).orderBy("position").limit(keep)
                                .select("position", "first").collectAsList()
                                .forEach(row -> wanted.put(row.getLong(0), row.getLong(1)));
                    }
                }
            }
            copied.unpersist(false);
            return rule.counted(counts, examples(rows, plan, ruleIndex, idColumn, wanted));
        } finally {
            places.unpersist(false);
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
