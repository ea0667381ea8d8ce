package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.data.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a row was read, packed into one {@code long}: the index of its (file, split) pair in this
 * dictionary (high 24 bits) and its line (low 40 bits, up to about 10¹² lines). So a rule can name an
 * earlier row without keeping it. Not thread-safe; one per row check.
 */
final class RowLocations {
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;
    private static final int MAX_ORIGINS = 1 << 24;

    private record Origin(String source, String split) {
    }

    private final List<Origin> origins = new ArrayList<>();
    private final Map<Origin, Integer> indexes = new HashMap<>();
    private Origin last;
    private long lastIndex;

    long of(Row row) {
        if (last == null || !Objects.equals(last.source(), row.source()) || !Objects.equals(last.split(), row.split())) {
            last = new Origin(row.source(), row.split());
            lastIndex = indexes.computeIfAbsent(last, this::add);
        }
        return lastIndex << LINE_BITS | (row.line() & LINE_MASK);
    }

    private int add(Origin origin) {
        if (origins.size() == MAX_ORIGINS) {
            throw new IllegalStateException("more than " + MAX_ORIGINS + " pairs of file and split in one snapshot");
        }
        origins.add(origin);
        return origins.size() - 1;
    }

    /** Pairs of file and split met so far. */
    int size() {
        return origins.size();
    }

    /** The index of a location's pair of file and split. */
    static int origin(long location) {
        return (int) (location >>> LINE_BITS);
    }

    /** The location of line 0 of a pair of file and split. */
    static long first(int origin) {
        return (long) origin << LINE_BITS;
    }

    String source(long location) {
        return origins.get((int) (location >>> LINE_BITS)).source();
    }

    String split(long location) {
        return origins.get((int) (location >>> LINE_BITS)).split();
    }

    static long line(long location) {
        return location & LINE_MASK;
    }

    /** "train.csv, line 12", for naming an earlier row in evidence. */
    String describe(long location) {
        String source = source(location);
        return (source == null ? "" : source + ", ") + "line " + line(location);
    }
}
