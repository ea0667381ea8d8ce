package dev.driftwatch.spark;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.io.Serializable;

/**
 * A row as Spark moves it between executors: its values as the engine reads them (text, a list of texts, or null),
 * where it was read (the file's place in the snapshot, the file, the line or record number) and its split.
 */
record PlacedRow(int file, String source, long line, String split, String[] names, Object[] values)
        implements Serializable {
    private static final int LINE_BITS = 40;

    /** The row's place in snapshot order: files in order, then lines. */
    long position() {
        return ((long) file << LINE_BITS) | line;
    }

    /** The place in the snapshot of the file a position is in. */
    static int fileOf(long position) {
        return (int) (position >>> LINE_BITS);
    }

    static long lineOf(long position) {
        return position & ((1L << LINE_BITS) - 1);
    }

    Row toRow(HeaderCache headers) {
        return new Row(headers.of(names), values, split, source, line);
    }

    /** One {@link Header} per distinct column list in a partition, as the engine's readers share one per file. */
    static final class HeaderCache {
        private String[] lastNames;
        private Header last;

        Header of(String[] names) {
            if (!java.util.Arrays.equals(names, lastNames)) {
                lastNames = names;
                last = new Header(java.util.List.of(names));
            }
            return last;
        }
    }
}
