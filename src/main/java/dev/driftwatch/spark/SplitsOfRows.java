package dev.driftwatch.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The splits of a snapshot's rows as the local engine meets them: each split's rows and the place of its first
 * row (splits are numbered in that order), and the file name of each file place, to name rows in evidence.
 */
final class SplitsOfRows implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, long[]> rowsAndFirst = new HashMap<>();
    private final HashMap<Integer, String> sources = new HashMap<>();

    SplitsOfRows add(PlacedRow row) {
        long[] seen = rowsAndFirst.computeIfAbsent(row.split(), s -> new long[]{0, Long.MAX_VALUE});
        seen[0]++;
        seen[1] = Math.min(seen[1], row.position());
        sources.putIfAbsent(row.file(), row.source());
        return this;
    }

    SplitsOfRows with(SplitsOfRows other) {
        other.rowsAndFirst.forEach((split, seen) -> {
            long[] mine = rowsAndFirst.computeIfAbsent(split, s -> new long[]{0, Long.MAX_VALUE});
            mine[0] += seen[0];
            mine[1] = Math.min(mine[1], seen[1]);
        });
        other.sources.forEach(sources::putIfAbsent);
        return this;
    }

    /** The splits in the order of their first row. */
    List<String> names() {
        List<String> names = new ArrayList<>(rowsAndFirst.keySet());
        names.sort(Comparator.comparingLong(split -> rowsAndFirst.get(split)[1]));
        return names;
    }

    /** The rows of each split, in the order of {@link #names()}. */
    Map<String, Long> rowsPerSplit() {
        Map<String, Long> rows = new LinkedHashMap<>();
        names().forEach(split -> rows.put(split, rowsAndFirst.get(split)[0]));
        return rows;
    }

    /** The file name of the file a position is in, or null. */
    String sourceOf(long position) {
        return sources.get(PlacedRow.fileOf(position));
    }
}
