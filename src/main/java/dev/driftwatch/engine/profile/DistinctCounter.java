package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * HyperLogLog (Flajolet et al. 2007) with 2^12 one-byte registers over 64-bit hashes, with linear counting
 * for small cardinalities: relative standard error about 1.6%, 4 KiB, exactly mergeable (register-wise max),
 * deterministic. Written here rather than taken from DataSketches because DataSketches 7 needs the
 * {@code jdk.incubator.foreign} module on Java 17 to serialise. Not thread-safe.
 */
final class DistinctCounter {
    private static final int P = 12;
    private static final int M = 1 << P;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / M);
    private final byte[] registers;

    DistinctCounter() {
        this(new byte[M]);
    }

    private DistinctCounter(byte[] registers) {
        this.registers = registers;
    }

    void update(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = value.length(); i < n; i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        updateHash(h);
    }

    /** Adds a value by a hash of it (mixed here, so a 32-bit hash code will do for up to millions of values). */
    void updateHash(long hash) {
        long h = mix(hash);
        int index = (int) (h >>> (64 - P));
        int rank = Long.numberOfLeadingZeros((h << P) | (1L << (P - 1))) + 1;
        if (rank > registers[index]) {
            registers[index] = (byte) rank;
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    long estimate() {
        double sum = 0;
        int zeros = 0;
        for (byte register : registers) {
            sum += Math.scalb(1.0, -register);
            if (register == 0) {
                zeros++;
            }
        }
        double estimate = ALPHA * M * M / sum;
        if (estimate <= 2.5 * M && zeros > 0) {
            estimate = M * Math.log((double) M / zeros);
        }
        return Math.round(estimate);
    }

    void merge(DistinctCounter other) {
        for (int i = 0; i < M; i++) {
            registers[i] = (byte) Math.max(registers[i], other.registers[i]);
        }
    }

    void write(DataOutput out) throws IOException {
        out.write(registers);
    }

    static DistinctCounter read(DataInput in) throws IOException {
        byte[] registers = new byte[M];
        in.readFully(registers);
        return new DistinctCounter(registers);
    }
}
