package dev.driftwatch.spark;

import java.util.Iterator;
import java.util.function.Function;

/** An iterator over a partition, each element mapped as it is taken: a partition is never held in memory whole. */
final class Mapped {
    private Mapped() {
    }

    static <A, B> Iterator<B> each(Iterator<A> partition, Function<A, B> mapping) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return partition.hasNext();
            }

            @Override
            public B next() {
                return mapping.apply(partition.next());
            }
        };
    }
}
