package dev.driftwatch.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * One pass over the lines of a csv or tsv file, in the blocks Spark cuts it into: the records of each block (its
 * non-blank lines, as Spark's csv reader takes them, the file's first one, the header, left out), and whether a line
 * holds an odd number of quote characters, that is a quoted value that runs past the line's end. Then Spark cannot
 * cut the file at line ends: it is read whole, record by record, and reading it a line per record would cut such
 * records in two and pad the halves, silently.
 */
record LineBlocks(Map<Long, Long> recordsPerBlock, boolean quotedLineBreaks) {

    /** What one block holds: its records and whether a line of it has an odd number of quotes. */
    private record Block(long start, long records, boolean oddQuotes) implements Serializable {
    }

    /** @param quote the quote character, or a negative number when values are not quoted */
    static LineBlocks of(SparkSession spark, String location, int quote) {
        List<Block> blocks = spark.read().text(location).withColumn("block", functions.input_file_block_start())
                .javaRDD().mapPartitions(partition -> {
                    Map<Long, long[]> seen = new HashMap<>();
                    partition.forEachRemaining(row -> {
                        long[] counts = seen.computeIfAbsent(row.getLong(1), start -> new long[2]);
                        String line = row.getString(0);
                        counts[0] += line.trim().isEmpty() ? 0 : 1;
                        counts[1] |= quote >= 0 && oddQuotes(line, (char) quote) ? 1 : 0;
                    });
                    List<Block> out = new ArrayList<>();
                    seen.forEach((start, counts) -> out.add(new Block(start, counts[0], counts[1] == 1)));
                    return out.iterator();
                }).collect();
        Map<Long, Long> records = new HashMap<>();
        boolean odd = false;
        for (Block block : blocks) {
            records.merge(block.start(), block.start() == 0 ? Math.max(0, block.records() - 1) : block.records(), Long::sum);
            odd |= block.oddQuotes();
        }
        return new LineBlocks(records, odd);
    }

    private static boolean oddQuotes(String line, char quote) {
        boolean odd = false;
        for (int i = 0; i < line.length(); i++) {
            odd ^= line.charAt(i) == quote;
        }
        return odd;
    }
}
