package dev.driftwatch.engine.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the physical lines of the bytes read through it (LF, CR LF or CR ends a line; a last line without an end
 * counts too). In UTF-8 the bytes of LF and CR occur only as those characters, so counting bytes counts lines.
 * Not thread-safe.
 */
final class LineCountingInputStream extends FilterInputStream {
    private long lineBreaks;
    private boolean afterCarriageReturn;
    private boolean textAfterBreak;

    LineCountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = in.read(bytes, offset, length);
        for (int i = 0; i < read; i++) {
            count(bytes[offset + i]);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    /** Reads the rest of the stream, so that {@link #lines()} counts the whole of it. */
    void drain() throws IOException {
        byte[] rest = new byte[8192];
        int read;
        do {
            read = read(rest, 0, rest.length);
        } while (read >= 0);
    }

    long lines() {
        return lineBreaks + (textAfterBreak ? 1 : 0);
    }

    private void count(byte b) {
        if (b == '\n') {
            if (!afterCarriageReturn) {
                lineBreaks++;
            }
            textAfterBreak = false;
        } else if (b == '\r') {
            lineBreaks++;
            textAfterBreak = false;
        } else {
            textAfterBreak = true;
        }
        afterCarriageReturn = b == '\r';
    }
}
