package dev.driftwatch.spark;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.rows.LeakageKeys;
import dev.driftwatch.engine.rule.rows.LeakageMode;
import dev.driftwatch.engine.rule.rows.SplitLeakageRule;
import dev.driftwatch.engine.rule.rows.SplitLeaks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * {@code split_leakage} on Spark. The id, exact and normalised modes shuffle each row as (mode, key) with the row's
 * split and place; per key, the rows of each split are counted and the first of them kept, so every pair of splits
 * gets, as locally, the later split's rows whose key the earlier one has, each shown with the earlier split's first
 * row of that key. The near mode is {@link NearLeaksOnSpark}. Evidence: the first leaked rows of the later split in
 * snapshot order (at most {@code max_evidence} per mode and pair), named by file and line as the local rule names
 * them; row values are never collected. The figures are judged by the rule itself ({@link SplitLeakageRule#counted}).
 */
final class SplitLeakageOnSpark {
    private SplitLeakageOnSpark() {
    }

    /** A key of one exact mode. */
    record ModeKey(int mode, long key) implements Serializable {
    }

    static Rule.RowCheck check(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex) {
        RunPlan.Loaded driver = plan.load();
        SplitLeakageRule rule = (SplitLeakageRule) driver.rule(ruleIndex);
        LeakageKeys keys = rule.keys(driver.file().dataset());
        SplitsOfRows splits = rows.aggregate(new SplitsOfRows(), SplitsOfRows::add, SplitsOfRows::with);
        List<String> names = splits.names();
        if (names.size() < 2) {
            return rule.counted(keys, splits.rowsPerSplit(), List.of());
        }
        if (names.size() > Long.SIZE - 1) {
            throw new IllegalStateException("expected at most " + (Long.SIZE - 1) + " splits to compare but found " + names.size());
        }
        List<LeakageMode> exact = new ArrayList<>();
        for (LeakageMode mode : LeakageMode.values()) {
            boolean comparable = mode == LeakageMode.ID ? keys.idColumn() != null : !keys.inputs().isEmpty();
            if (rule.modes().contains(mode) && mode != LeakageMode.NEAR && comparable) {
                exact.add(mode);
            }
        }
        List<SplitLeaks> found = new ArrayList<>();
        if (!exact.isEmpty()) {
            found.addAll(leaks(rule, exact, splits, exactTally(rows, plan, ruleIndex, exact, names, rule.maxEvidence())));
        }
        if (rule.modes().contains(LeakageMode.NEAR) && !keys.inputs().isEmpty()) {
            found.addAll(leaks(rule, List.of(LeakageMode.NEAR), splits,
                    NearLeaksOnSpark.tally(rows, plan, ruleIndex, names, rule.maxEvidence())));
        }
        return rule.counted(keys, splits.rowsPerSplit(), found);
    }

    private static LeakTally exactTally(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex, List<LeakageMode> modes,
                                        List<String> names, int shown) {
        ArrayList<LeakageMode> inUse = new ArrayList<>(modes);
        ArrayList<String> splitNames = new ArrayList<>(names);
        int kept = Math.max(1, shown);
        JavaPairRDD<ModeKey, RowsOfKey> perKey = rows.mapPartitionsToPair(partition -> {
            LeakageKeys local = keysOf(plan, ruleIndex);
            var headers = new PlacedRow.HeaderCache();
            List<Tuple2<ModeKey, RowsOfKey>> out = new ArrayList<>();
            partition.forEachRemaining(placed -> {
                var row = placed.toRow(headers);
                RowsOfKey one = RowsOfKey.of(splitNames.size(), splitNames.indexOf(placed.split()), placed.position());
                for (int m = 0; m < inUse.size(); m++) {
                    out.add(new Tuple2<>(new ModeKey(m, local.key(inUse.get(m), row)), one));
                }
            });
            return out.iterator();
        }).reduceByKey((a, b) -> a.with(b, kept)).filter(key -> key._2().splits() > 1);
        return perKey.aggregate(new LeakTally(inUse.size(), splitNames.size(), shown), (tally, key) -> {
            RowsOfKey rowsOfKey = key._2();
            for (int earlier = 0; earlier < splitNames.size(); earlier++) {
                for (int later = 0; later < splitNames.size(); later++) {
                    if (earlier != later && rowsOfKey.in(earlier) && rowsOfKey.in(later)) {
                        int cell = tally.cell(key._1().mode(), earlier, later);
                        tally.count(cell, rowsOfKey.counts()[later]);
                        for (long position : rowsOfKey.first()[later]) {
                            tally.offer(cell, position, rowsOfKey.firstIn(earlier), Double.NaN);
                        }
                    }
                }
            }
            return tally;
        }, LeakTally::with);
    }

    /** The tally's cells as the rule reads them, with evidence named by file and line. */
    private static List<SplitLeaks> leaks(SplitLeakageRule rule, List<LeakageMode> modes, SplitsOfRows splits,
                                          LeakTally tally) {
        List<String> names = splits.names();
        List<SplitLeaks> leaks = new ArrayList<>();
        for (int m = 0; m < modes.size(); m++) {
            for (int earlier = 0; earlier < names.size(); earlier++) {
                for (int later = 0; later < names.size(); later++) {
                    if (earlier == later) {
                        continue;
                    }
                    int cell = tally.cell(m, earlier, later);
                    List<Evidence> shown = new ArrayList<>();
                    for (long[] row : tally.shown(cell)) {
                        shown.add(SplitLeakageRule.leakEvidence(splits.sourceOf(row[0]), PlacedRow.lineOf(row[0]),
                                names.get(earlier), splits.sourceOf(row[1]), PlacedRow.lineOf(row[1]),
                                Double.longBitsToDouble(row[2])));
                    }
                    leaks.add(new SplitLeaks(modes.get(m), names.get(earlier), names.get(later), tally.rows(cell), shown));
                }
            }
        }
        return leaks;
    }

    static LeakageKeys keysOf(RunPlan plan, int ruleIndex) {
        RunPlan.Loaded loaded = plan.load();
        return ((SplitLeakageRule) loaded.rule(ruleIndex)).keys(loaded.file().dataset());
    }
}
