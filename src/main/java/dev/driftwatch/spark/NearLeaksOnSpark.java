package dev.driftwatch.spark;

import dev.driftwatch.engine.rule.Fingerprint;
import dev.driftwatch.engine.rule.rows.LeakageKeys;
import dev.driftwatch.engine.rule.rows.NearDuplicateBands;
import dev.driftwatch.engine.rule.rows.SplitLeakageRule;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The {@code near} mode of {@code split_leakage} on Spark, with the engine's own shingles, one-permutation MinHash
 * and LSH bands ({@link NearDuplicateBands}). Rows of equal compared text have equal band keys and match the same
 * rows, so the rows are first grouped by their text's fingerprint (per split: a count and the first places). Each
 * distinct text is shuffled once per band as (band, key) with its fingerprint and splits; texts that share a band key
 * and lie in different splits are candidate pairs, verified by the exact Jaccard similarity of their shingle sets
 * (the pair's texts joined by fingerprint). A later split's row leaks when its text has a verified partner in the
 * earlier split; the evidence shows, as the local rule, its most similar earlier row (the first of equals).
 *
 * <p>One difference from the local search, at the level of 64-bit hashes: locally a band's bucket compares the keys'
 * high bits only (the low ones carry row numbers), so a pair whose keys differ only there is also verified; here
 * buckets compare whole keys (at a million rows, a pair of unrelated keys shares 44 high bits with probability 2⁻⁴⁴).
 */
final class NearLeaksOnSpark {
    private NearLeaksOnSpark() {
    }

    /** The rows of one compared text. */
    record TextRows(String text, RowsOfKey rows) implements Serializable {
    }

    /** The key of one band. */
    record BandKey(int band, long key) implements Serializable {
    }

    /** A distinct text in a band's bucket: its fingerprint and its splits, one bit each. */
    record Member(long text, long splits) implements Serializable {
    }

    /** A later text's best verified partner for one pair of splits, and the later text's rows. */
    record Partner(double similarity, long earlierFirst, RowsOfKey later) implements Serializable {
        Partner better(Partner other) {
            if (other.similarity != similarity) {
                return other.similarity > similarity ? other : this;
            }
            return other.earlierFirst < earlierFirst ? other : this;
        }
    }

    static LeakTally tally(JavaRDD<PlacedRow> rows, RunPlan plan, int ruleIndex, List<String> names, int shown) {
        ArrayList<String> splitNames = new ArrayList<>(names);
        int splits = splitNames.size();
        int kept = Math.max(1, shown);
        JavaPairRDD<Long, TextRows> texts = rows.mapPartitionsToPair(partition -> {
            LeakageKeys keys = SplitLeakageOnSpark.keysOf(plan, ruleIndex);
            var headers = new PlacedRow.HeaderCache();
            List<Tuple2<Long, TextRows>> out = new ArrayList<>();
            partition.forEachRemaining(placed -> {
                String text = keys.nearText(placed.toRow(headers));
                out.add(new Tuple2<>(Fingerprint.of(text), new TextRows(text,
                        RowsOfKey.of(splits, splitNames.indexOf(placed.split()), placed.position()))));
            });
            return out.iterator();
        }).reduceByKey((a, b) -> new TextRows(a.text(), a.rows().with(b.rows(), kept)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            JavaPairRDD<Long, Long> candidates = candidates(texts, plan, ruleIndex);
            JavaPairRDD<Tuple2<Long, Integer>, Partner> partners = verified(texts, candidates, plan, ruleIndex, splits);
            return partners.aggregate(new LeakTally(1, splits, shown), (tally, found) -> {
                int cell = found._1()._2();
                int later = cell % splits;
                Partner partner = found._2();
                tally.count(cell, partner.later().counts()[later]);
                for (long position : partner.later().first()[later]) {
                    tally.offer(cell, position, partner.earlierFirst(), partner.similarity());
                }
                return tally;
            }, LeakTally::with);
        } finally {
            texts.unpersist(false);
        }
    }

    /** Pairs (later text, earlier text) that share a band key and lie in different splits; a text in two splits pairs with itself. */
    private static JavaPairRDD<Long, Long> candidates(JavaPairRDD<Long, TextRows> texts, RunPlan plan, int ruleIndex) {
        JavaPairRDD<BandKey, Member> members = texts.mapPartitionsToPair(partition -> {
            NearDuplicateBands bands = bandsOf(plan, ruleIndex);
            List<Tuple2<BandKey, Member>> out = new ArrayList<>();
            partition.forEachRemaining(text -> {
                long[] keys = bands.keys(text._2().text());
                Member member = new Member(text._1(), splitBits(text._2().rows()));
                for (int band = 0; band < keys.length; band++) {
                    out.add(new Tuple2<>(new BandKey(band, keys[band]), member));
                }
            });
            return out.iterator();
        });
        JavaPairRDD<Long, Long> shared = members.groupByKey().flatMapToPair(bucket -> {
            List<Member> inBucket = new ArrayList<>();
            bucket._2().forEach(inBucket::add);
            List<Tuple2<Long, Long>> out = new ArrayList<>();
            for (Member later : inBucket) {
                for (Member earlier : inBucket) {
                    if (later.text() != earlier.text() && inDifferentSplits(later.splits(), earlier.splits())) {
                        out.add(new Tuple2<>(later.text(), earlier.text()));
                    }
                }
            }
            return out.iterator();
        });
        JavaPairRDD<Long, Long> same = texts.filter(text -> text._2().rows().splits() > 1)
                .mapToPair(text -> new Tuple2<>(text._1(), text._1()));
        return shared.union(same).distinct();
    }

    /** For each (later text, cell of earlier and later split), its most similar verified earlier text. */
    private static JavaPairRDD<Tuple2<Long, Integer>, Partner> verified(JavaPairRDD<Long, TextRows> texts,
                                                                       JavaPairRDD<Long, Long> candidates,
                                                                       RunPlan plan, int ruleIndex, int splits) {
        JavaPairRDD<Long, Tuple2<Long, TextRows>> withLater = candidates.join(texts)
                .mapToPair(pair -> new Tuple2<>(pair._2()._1(), new Tuple2<>(pair._1(), pair._2()._2())));
        return withLater.join(texts).mapPartitionsToPair(partition -> {
            NearDuplicateBands bands = bandsOf(plan, ruleIndex);
            List<Tuple2<Tuple2<Long, Integer>, Partner>> out = new ArrayList<>();
            partition.forEachRemaining(pair -> {
                long laterText = pair._2()._1()._1();
                TextRows later = pair._2()._1()._2();
                TextRows earlier = pair._2()._2();
                double similarity = bands.similarity(earlier.text(), later.text());
                if (similarity < bands.threshold()) {
                    return;
                }
                for (int e = 0; e < splits; e++) {
                    for (int l = 0; l < splits; l++) {
                        if (e != l && earlier.rows().in(e) && later.rows().in(l)) {
                            out.add(new Tuple2<>(new Tuple2<>(laterText, e * splits + l),
                                    new Partner(similarity, earlier.rows().firstIn(e), later.rows())));
                        }
                    }
                }
            });
            return out.iterator();
        }).reduceByKey(Partner::better);
    }

    private static long splitBits(RowsOfKey rows) {
        long bits = 0;
        for (int split = 0; split < rows.counts().length; split++) {
            bits |= rows.in(split) ? 1L << split : 0;
        }
        return bits;
    }

    /** Whether some split of one differs from some split of the other. */
    private static boolean inDifferentSplits(long a, long b) {
        return a != 0 && b != 0 && !(a == b && Long.bitCount(a) == 1);
    }

    private static NearDuplicateBands bandsOf(RunPlan plan, int ruleIndex) {
        return ((SplitLeakageRule) plan.load().rule(ruleIndex)).nearBands();
    }
}
