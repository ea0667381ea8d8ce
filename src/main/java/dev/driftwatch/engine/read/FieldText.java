package dev.driftwatch.engine.read;

/**
 * The text of one field as {@link DelimitedRecords} finds it in its buffer: kept as a range of the buffer while it
 * lies there in one piece (so most fields become a String in one copy), copied aside when it does not or before the
 * buffer is refilled, and dropped once it holds more UTF-8 bytes than allowed. Counts the bytes either way.
 * Not thread-safe.
 */
final class FieldText {
    private final char[] buffer;
    private final long maxBytes;
    private final StringBuilder copied = new StringBuilder();
    private int rangeStart;
    private int rangeLength;
    private long bytes;
    private boolean kept;

    FieldText(char[] buffer, long maxBytes) {
        this.buffer = buffer;
        this.maxBytes = maxBytes;
    }

    /** Starts a new, empty field. */
    void clear() {
        copied.setLength(0);
        rangeLength = 0;
        bytes = 0;
        kept = true;
    }

    /**
     * Adds {@code buffer[start, start + count)}.
     *
     * @param extraBytes the UTF-8 bytes of these characters beyond one per character
     */
    void add(int start, int count, long extraBytes) {
        bytes += count + extraBytes;
        if (!kept) {
            return;
        }
        if (rangeLength > 0 && rangeStart + rangeLength == start) {
            rangeLength += count;
        } else if (rangeLength == 0 && copied.length() == 0) {
            rangeStart = start;
            rangeLength = count;
        } else {
            copyRange();
            copied.append(buffer, start, count);
        }
        dropWhenTooLong();
    }

    void add(char c) {
        bytes += utf8Length(c);
        if (kept) {
            copyRange();
            copied.append(c);
            dropWhenTooLong();
        }
    }

    /** Copies the part still in the buffer aside; called before the buffer is refilled. */
    void copyRange() {
        if (rangeLength > 0) {
            copied.append(buffer, rangeStart, rangeLength);
            rangeLength = 0;
        }
    }

    /** Stops keeping the text (it only counts bytes from now on). */
    void drop() {
        kept = false;
        copied.setLength(0);
        rangeLength = 0;
    }

    long bytes() {
        return bytes;
    }

    boolean tooLong() {
        return bytes > maxBytes;
    }

    /** The field's text, or "" once dropped. */
    String value() {
        if (!kept) {
            return "";
        }
        if (copied.length() == 0 && rangeLength > 0) {
            return new String(buffer, rangeStart, rangeLength);
        }
        copyRange();
        return copied.toString();
    }

    /** UTF-8 bytes of a char beyond the first: a surrogate counts 2 of its pair's 4. */
    static int extraBytes(char c) {
        return utf8Length(c) - 1;
    }

    private void dropWhenTooLong() {
        if (bytes > maxBytes) {
            drop();
        }
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        return c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
}
