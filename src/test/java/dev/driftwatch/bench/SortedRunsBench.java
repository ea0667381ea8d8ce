package dev.driftwatch.bench;

import dev.driftwatch.engine.spill.SortedRuns;
import java.util.SplittableRandom;

/**
 * Times {@link SortedRuns} on random records: adding them, then sorting and walking them once, as the profile's
 * duplicate count and the row rules do at the end of a pass. A command, not a test (BENCHMARKS.md has its figures):
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.driftwatch.bench.SortedRunsBench 1000000 1 16777216}
 * with the records, longs per record and budget in bytes; prints each of eight rounds (the first ones warm the JIT).
 */
public final class SortedRunsBench {
    private SortedRunsBench() {
    }

    public static void main(String[] args) {
        int records = Integer.parseInt(args[0]);
        int width = Integer.parseInt(args[1]);
        long budget = Long.parseLong(args[2]);
        for (int round = 0; round < 8; round++) {
            SplittableRandom random = new SplittableRandom(round);
            long start = System.nanoTime();
            long checksum = 0;
            try (SortedRuns sorted = new SortedRuns(width, budget, null)) {
                for (int i = 0; i < records; i++) {
                    switch (width) {
                        case 1 -> sorted.add(random.nextLong());
                        case 2 -> sorted.add(random.nextLong(), i);
                        default -> sorted.add(random.nextLong(), i, i);
                    }
                }
                long added = System.nanoTime();
                SortedRuns.Cursor cursor = sorted.sorted();
                while (cursor.next()) {
                    checksum += cursor.get(0);
                }
                long walked = System.nanoTime();
                System.out.printf("round %d: add %.0f ms, sort and walk %.0f ms, runs %d (checksum %d)%n", round,
                        (added - start) / 1e6, (walked - added) / 1e6, sorted.runs(), checksum & 0xFF);
            }
        }
    }
}
