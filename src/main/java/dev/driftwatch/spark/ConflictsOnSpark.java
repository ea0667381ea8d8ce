package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Fingerprint;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.rule.rows.ConflictingLabelsRule;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * {@code conflicting_labels} on Spark: each labelled row is shuffled as its inputs' fingerprint with four longs
 * (its place, its labels' fingerprint, a count of 1, no conflict yet); merging two parts of a group keeps the
 * earlier first row and the earliest row that disagrees with it, so a group conflicts exactly when the local rule
 * finds it does, and counts the same rows. Evidence: the first groups to become conflicting, in snapshot order,
 * each with its first row and the rows from the first disagreeing one on (at most 10), read again on the executors.
 */
final class ConflictsOnSpark {
    private static final int MEMBERS = 10;

    private ConflictsOnSpark() {
    }

    /** Part of a group of rows with equal inputs. {@code conflict} is the place of its first disagreeing row. */
    record Group(long first, long firstLabels, long count, long conflict) implements Serializable {
        Group with(Group other) {
            Group a = first <= other.first ? this : other;
            Group b = a == this ? other : this;
            long disagreeing = b.firstLabels != a.firstLabels ? b.first : b.conflict;
            return new Group(a.first, a.firstLabels, a.count + b.count, Math.min(a.conflict, disagreeing));
        }

        boolean conflicting() {
            return conflict != Long.MAX_VALUE;
        }
    }

    private static final Comparator<Tuple2<Long, Group>> BY_CONFLICT = (Comparator<Tuple2<Long, Group>> & Serializable)
            (a, b) -> Long.compare(a._2().conflict(), b._2().conflict());

    static Rule.RowCheck check(JavaRDD<PlacedRow> rows, long rowCount, Set<String> columns, RunPlan plan, int ruleIndex) {
        RunPlan.Loaded driver = plan.load();
        ConflictingLabelsRule rule = (ConflictingLabelsRule) driver.rule(ruleIndex);
        String idColumn = driver.file().dataset().columns().id();
        Optional<ConflictingLabelsRule.Target> target = rule.targetOf(driver.file().dataset());
        if (target.isEmpty()) {
            return null;
        }
        JavaPairRDD<Long, Group> groups = rows.mapPartitionsToPair(partition -> {
            ConflictingLabelsRule.Target local = targetOf(plan, ruleIndex);
            var headers = new PlacedRow.HeaderCache();
            List<Tuple2<Long, Group>> out = new ArrayList<>();
            partition.forEachRemaining(placed -> {
                Row row = placed.toRow(headers);
                String labels = RowValues.labelSet(row, local.label());
                if (!labels.isEmpty()) {
                    out.add(new Tuple2<>(local.key().derive(row).fingerprint(),
                            new Group(placed.position(), Fingerprint.of(labels), 1, Long.MAX_VALUE)));
                }
            });
            return out.iterator();
        }).reduceByKey(Group::with).filter(group -> group._2().conflicting()).cache();
        long conflicting = groups.count();
        long rowsInConflict = conflicting == 0 ? 0 : groups.values().map(Group::count).reduce(Long::sum);
        List<Tuple2<Long, Group>> shown = rule.maxEvidence() > 0 && conflicting > 0
                ? groups.takeOrdered(rule.maxEvidence(), BY_CONFLICT) : List.of();
        groups.unpersist();
        return rule.counted(target.get(), columns, rowCount, conflicting, rowsInConflict,
                members(rows, plan, ruleIndex, idColumn, shown).stream().flatMap(List::stream).toList());
    }

    private static List<List<Evidence>> members(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex, String idColumn,
                                                List<Tuple2<Long, Group>> shown) {
        if (shown.isEmpty()) {
            return List.of();
        }
        Map<Long, Group> byKey = new HashMap<>();
        Map<Long, Integer> numbers = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            byKey.put(shown.get(i)._1(), shown.get(i)._2());
            numbers.put(shown.get(i)._1(), i + 1);
        }
        List<Tuple2<Long, ArrayList<EvidenceRow>>> found = rows.mapPartitionsToPair(partition -> {
            ConflictingLabelsRule local = (ConflictingLabelsRule) plan.load().rule(ruleIndex);
            ConflictingLabelsRule.Target target = targetOf(plan, ruleIndex);
            var headers = new PlacedRow.HeaderCache();
            List<Tuple2<Long, EvidenceRow>> out = new ArrayList<>();
            partition.forEachRemaining(placed -> {
                Row row = placed.toRow(headers);
                if (RowValues.labelSet(row, target.label()).isEmpty()) {
                    return;
                }
                long key = target.key().derive(row).fingerprint();
                Group group = byKey.get(key);
                if (group == null) {
                    return;
                }
                int number = numbers.get(key);
                if (placed.position() == group.first()) {
                    out.add(new Tuple2<>(key, EvidenceRow.of(placed, local.firstRowEvidence(row, target.label(), number))));
                } else if (placed.position() >= group.conflict()) {
                    out.add(new Tuple2<>(key, EvidenceRow.of(placed, local.memberEvidence(row, target, idColumn, number))));
                }
            });
            return out.iterator();
        }).aggregateByKey(new ArrayList<EvidenceRow>(), ConflictsOnSpark::keepFirst, ConflictsOnSpark::keepFirst)
                .collect();
        List<List<Evidence>> examples = new ArrayList<>();
        shown.forEach(group -> examples.add(new ArrayList<>()));
        for (var group : found) {
            int index = numbers.get(group._1()) - 1;
            group._2().stream().sorted(Comparator.comparingLong(EvidenceRow::position))
                    .forEach(e -> examples.get(index).add(e.evidence()));
        }
        return examples;
    }

    private static ArrayList<EvidenceRow> keepFirst(ArrayList<EvidenceRow> kept, EvidenceRow row) {
        return keepFirst(kept, new ArrayList<>(List.of(row)));
    }

    /** The first {@value #MEMBERS} rows of both, in snapshot order. */
    private static ArrayList<EvidenceRow> keepFirst(ArrayList<EvidenceRow> a, ArrayList<EvidenceRow> b) {
        ArrayList<EvidenceRow> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingLong(EvidenceRow::position));
        return new ArrayList<>(all.subList(0, Math.min(MEMBERS, all.size())));
    }

    private static ConflictingLabelsRule.Target targetOf(RunPlan plan, int ruleIndex) {
        RunPlan.Loaded loaded = plan.load();
        return ((ConflictingLabelsRule) loaded.rule(ruleIndex)).targetOf(loaded.file().dataset()).orElseThrow();
    }
}
