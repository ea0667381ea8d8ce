package dev.driftwatch.engine.read;

/**
 * How much one snapshot may make a reader hold or read, whatever its format, so that a hostile or broken file
 * (a gzip bomb, a line of gigabytes, a header of a hundred thousand names) ends in a clear error instead of
 * filling the heap or holding a run thread for minutes.
 *
 * @param maxLineBytes         bytes one line of a jsonl file may hold (rules-file key {@code max_line_bytes}); a
 *                             longer line is a rejected row, skipped without being stored; from 1 to
 *                             {@value #LARGEST_LINE}
 * @param maxColumns           columns a file may have: names in a csv/tsv header or fields in a record, distinct keys
 *                             of the objects of a json/jsonl file (rules-file key {@code max_columns}); at least 1
 * @param maxDecompressedBytes bytes the parsers of one snapshot may read out of gzip files, after decompression,
 *                             summed over its files (rules-file key {@code max_decompressed_bytes}); at least 1. A
 *                             plain file is read whole whatever its size: what it holds is what is on disk
 */
public record ReadLimits(long maxLineBytes, int maxColumns, long maxDecompressedBytes) {
    /** The longest line a reader can hold: a Java array of bytes. */
    public static final long LARGEST_LINE = Integer.MAX_VALUE - 8;
    /**
     * Lines of 16 MiB, 10,000 columns, 2 GiB decompressed per snapshot: beyond any real record and header, well
     * within a heap of 512 MB, and about a minute of reading.
     */
    public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 10_000, 2L << 30);

    public ReadLimits {
        if (maxLineBytes < 1 || maxLineBytes > LARGEST_LINE) {
            throw new IllegalArgumentException("max_line_bytes: expected a number of bytes from 1 to " + LARGEST_LINE
                    + " but found " + maxLineBytes);
        }
        if (maxColumns < 1) {
            throw new IllegalArgumentException("max_columns: expected at least 1 column but found " + maxColumns);
        }
        if (maxDecompressedBytes < 1) {
            throw new IllegalArgumentException("max_decompressed_bytes: expected at least 1 byte but found "
                    + maxDecompressedBytes);
        }
    }

    /** The message of a file with more columns than allowed; {@code found} may be a lower bound. */
    String tooManyColumns(String found) {
        return "expected at most " + maxColumns + " columns (max_columns) but found " + found;
    }
}
