package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import java.util.List;

/**
 * A 64-bit fingerprint of a row's values: the {@link StringHash} of every value in column order, chained
 * (multiply, then add) and finished with MurmurHash3's fmix64, skipping one column (the split column). Equal rows
 * have equal fingerprints; two different rows collide with probability about 2^-64. The profiler builds the
 * same chain from the hashes its column statistics compute anyway, and the rules' {@code Fingerprint} is the same
 * chain over the values they compare: one hash scheme. Stateless.
 */
public final class RowFingerprint {
    static final long START = 0x2545F4914F6CDD1DL;
    private static final long NULL = 0x1E;
    private static final long LIST = 0x1D;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private RowFingerprint() {
    }

    static long of(Row row, int skip) {
        long h = START;
        int size = row.header().size();
        for (int i = 0; i < size; i++) {
            if (i != skip) {
                h = then(h, valueHash(row.get(i)));
            }
        }
        return finish(h);
    }

    /** The fingerprint of some values in order (null stays apart from every text), as {@link #of} chains them. */
    public static long ofValues(List<String> values) {
        long h = START;
        for (String value : values) {
            h = then(h, value == null ? NULL : StringHash.of(value));
        }
        return finish(h);
    }

    /**
     * {@link #ofValues} of a row's values of some columns as text (a list joined by spaces, a missing column null), as
     * the rules compare them; a value's hash is the one the profile kept for the row ({@link Row#valueHashes}) unless
     * the value is a list, whose text the profile did not hash.
     */
    public static long ofColumns(Row row, List<String> columns) {
        long[] kept = row.valueHashes();
        long h = START;
        for (String column : columns) {
            h = then(h, textHash(row, kept, row.header().indexOf(column)));
        }
        return finish(h);
    }

    /** {@link #ofColumns} of every column of the row but the one at position {@code skip} (none when negative). */
    public static long ofAllBut(Row row, int skip) {
        long[] kept = row.valueHashes();
        long h = START;
        int size = row.header().size();
        for (int i = 0; i < size; i++) {
            if (i != skip) {
                h = then(h, textHash(row, kept, i));
            }
        }
        return finish(h);
    }

    private static long textHash(Row row, long[] kept, int position) {
        Object value = row.get(position);
        if (value == null) {
            return NULL;
        }
        if (value instanceof List<?>) {
            return StringHash.of(row.text(position));
        }
        return kept != null ? kept[position] : StringHash.of((String) value);
    }

    /** The hash of one text, as it enters a fingerprint. */
    public static long ofText(String text) {
        return StringHash.of(text);
    }

    /** The hash of one value as it enters a fingerprint. */
    static long valueHash(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof List<?> list) {
            long h = LIST;
            for (Object item : list) {
                h = then(h, StringHash.of(String.valueOf(item)));
            }
            return finish(h);
        }
        return StringHash.of((String) value);
    }

    static long then(long h, long valueHash) {
        return h * MULTIPLIER + valueHash;
    }

    static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
