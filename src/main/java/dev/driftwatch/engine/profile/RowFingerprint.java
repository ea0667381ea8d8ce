package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import java.util.List;

/**
 * A 64-bit fingerprint of a row's values (FNV-1a over the UTF-16 characters of every value in column order,
 * with separators, finished with MurmurHash3's fmix64), skipping one column (the split column).
 * Equal rows have equal fingerprints; two different rows collide with probability about 2^-64. Stateless.
 */
final class RowFingerprint {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RowFingerprint() {
    }

    static long of(Row row, int skip) {
        long h = FNV_OFFSET;
        int size = row.header().size();
        for (int i = 0; i < size; i++) {
            if (i == skip) {
                continue;
            }
            Object value = row.get(i);
            if (value == null) {
                h = (h ^ 0x1E) * FNV_PRIME;
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    h = chars(h, String.valueOf(item));
                    h = (h ^ 0x1D) * FNV_PRIME;
                }
            } else {
                h = chars(h, (String) value);
            }
            h = (h ^ 0x1F) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long chars(long h, String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return h;
    }
}
