package dev.driftwatch.engine.read;

/**
 * How far one csv/tsv field may run before its record counts as unreadable: a quote that is never closed
 * would otherwise swallow the rest of the file into one value. A record over a limit is a read problem at the
 * line where the field began, and every physical line it spans counts as a lost row.
 *
 * @param maxLines physical lines a quoted field may span (rules-file key {@code max_field_lines}); at least 1
 * @param maxBytes UTF-8 bytes a field may hold, quoted or not (rules-file key {@code max_field_bytes}); at least 1
 */
public record FieldLimits(int maxLines, long maxBytes) {
    /** 100 lines and 1 MiB: far beyond any sentence, title or note, and memory stays small. */
    public static final FieldLimits DEFAULT = new FieldLimits(100, 1 << 20);

    public FieldLimits {
        if (maxLines < 1) {
            throw new IllegalArgumentException("max_field_lines: expected at least 1 line but found " + maxLines);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max_field_bytes: expected at least 1 byte but found " + maxBytes);
        }
    }
}
