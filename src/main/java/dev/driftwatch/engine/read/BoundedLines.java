package dev.driftwatch.engine.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits bytes into lines as {@link java.io.BufferedReader#readLine()} does (LF, CR LF or CR ends a line; a last
 * line without an end counts when it has bytes), but holds at most {@code maxBytes} of a line: a longer one is read
 * to its end without being kept, and {@link #tooLong()} says so. In UTF-8 the bytes of LF and CR occur only as those
 * characters, so splitting bytes splits characters. Not thread-safe; one instance per file.
 */
final class BoundedLines {
    private final InputStream in;
    private final long maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int length;
    private boolean afterCarriageReturn;
    private byte[] line = new byte[1 << 10];
    private int kept;
    private long bytes;

    BoundedLines(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Moves to the next line; false at the end of the bytes. */
    boolean next() throws IOException {
        kept = 0;
        bytes = 0;
        boolean started = false;
        while (position < length || fill()) {
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            started = true;
            int start = position;
            while (position < length && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            keep(start, position - start);
            if (position < length) {
                afterCarriageReturn = buffer[position] == '\r';
                position++;
                return true;
            }
        }
        return started;
    }

    /** Whether the current line holds more than the allowed bytes (then {@link #text()} is empty). */
    boolean tooLong() {
        return bytes > maxBytes;
    }

    /** The bytes of the current line, line end excluded, kept or not. */
    long bytes() {
        return bytes;
    }

    /** The current line decoded as UTF-8, an invalid sequence as U+FFFD. */
    String text() {
        return tooLong() ? "" : new String(line, 0, kept, StandardCharsets.UTF_8);
    }

    private void keep(int start, int count) {
        bytes += count;
        if (tooLong()) {
            kept = 0;
            return;
        }
        if (kept + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max(kept + count, 2L * line.length)));
        }
        System.arraycopy(buffer, start, line, kept, count);
        kept += count;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        position = 0;
        length = Math.max(read, 0);
        return read > 0;
    }
}
