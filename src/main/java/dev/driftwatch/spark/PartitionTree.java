package dev.driftwatch.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Merges one value per partition (a partial profile, a row check's state) in a tree on the executors, eight at a
 * time (each level is a shuffle), the lower partition always first, so the result does not depend on scheduling; only the whole reaches the driver.
 */
final class PartitionTree {
    private static final int FAN_IN = 8;

    private PartitionTree() {
    }

    /**
     * @param parts      each partition's value, keyed by the partition's index
     * @param partitions how many partitions there are
     * @param merge      merges a lower partition's value with a higher one's (may change and return the first)
     * @param finish     turns the whole into what the driver receives, on the executor that holds it
     */
    static <T extends Serializable> T merged(JavaPairRDD<Integer, T> parts, long partitions, Function2<T, T, T> merge,
                                             Function<T, T> finish) {
        JavaPairRDD<Integer, T> level = parts;
        long left = partitions;
        while (left > 1) {
            level = level.mapToPair(pair -> new Tuple2<>(pair._1() / FAN_IN, new Tuple2<>(pair._1(), pair._2())))
                    .groupByKey()
                    .mapToPair(group -> {
                        List<Tuple2<Integer, T>> sorted = new ArrayList<>();
                        group._2().forEach(sorted::add);
                        sorted.sort(Comparator.comparing(Tuple2::_1));
                        T merged = sorted.get(0)._2();
                        for (int i = 1; i < sorted.size(); i++) {
                            merged = merge.call(merged, sorted.get(i)._2());
                        }
                        return new Tuple2<>(group._1(), merged);
                    });
            left = (left + FAN_IN - 1) / FAN_IN;
        }
        return level.values().map(finish).collect().get(0);
    }
}
