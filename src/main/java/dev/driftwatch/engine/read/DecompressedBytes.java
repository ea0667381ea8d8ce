package dev.driftwatch.engine.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes the parsers of one snapshot may still read, after decompression ({@link ReadLimits#maxDecompressedBytes()}):
 * every compressed file's decoded stream passes through {@link #limit}, and the read that goes beyond the budget fails with a
 * {@link ReadLimitException}. A gzip file of a few megabytes can expand to gigabytes; this ends such a read early.
 * Not thread-safe: one snapshot, read by one thread.
 */
public final class DecompressedBytes {
    private final long max;
    private long read;

    public DecompressedBytes(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("expected at least 1 byte but found " + max);
        }
        this.max = max;
    }

    /** The decoded bytes of one file of the snapshot, counted against the budget. */
    public InputStream limit(InputStream decoded, String source) {
        return new FilterInputStream(decoded) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1, source);
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = in.read(bytes, offset, length);
                if (n > 0) {
                    count(n, source);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                int length = (int) Math.min(Math.max(n, 0), 1 << 16);
                return Math.max(0, read(new byte[length], 0, length));
            }
        };
    }

    /** The bytes read so far, over every file. */
    public long read() {
        return read;
    }

    private void count(int n, String source) throws ReadLimitException {
        read += n;
        if (read > max) {
            throw new ReadLimitException("expected at most " + max + " bytes per snapshot after decompression "
                    + "(max_decompressed_bytes) but found more: the limit was passed in " + source);
        }
    }
}
