package dev.driftwatch.engine.dataset;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/**
 * The order in which the snapshots of a dataset are evaluated: each is compared with the one before it.
 * Names compare as people read them: a run of digits is one number, so {@code snap-9} comes before
 * {@code snap-10}, and zero-padded dates sort as plain text does.
 */
public enum SnapshotOrder {
    /** The snapshot whose newest file was modified earliest comes first; equal times fall back to the name. */
    MODIFIED {
        @Override
        public <T> Comparator<T> comparator(Function<T, String> name, Function<T, Instant> modified) {
            return Comparator.comparing(modified, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                    .thenComparing(name, NameOrder.INSTANCE);
        }
    },
    /** By name only, for names that carry the date ({@code s13_2022-04-18_...}). */
    NAME {
        @Override
        public <T> Comparator<T> comparator(Function<T, String> name, Function<T, Instant> modified) {
            return Comparator.comparing(name, NameOrder.INSTANCE);
        }
    };

    /** Orders snapshots, told their name and the modification time of their newest file. */
    public abstract <T> Comparator<T> comparator(Function<T, String> name, Function<T, Instant> modified);

    /** The key as rules files write it: {@code modified} or {@code name}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
