package dev.driftwatch.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark the tests run on: local[2], no web UI, bound to 127.0.0.1, three shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession.Builder builder(String name) {
        return SparkSession.builder().master("local[2]").appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1");
    }

    /** As {@link #builder}, with files cut into blocks of 4 KB, so that small examples are read in several partitions. */
    static SparkSession.Builder smallBlocks(String name) {
        return builder(name)
                .config("spark.default.parallelism", "3")
                .config("spark.sql.files.maxPartitionBytes", "4096")
                .config("spark.sql.files.openCostInBytes", "0");
    }
}
