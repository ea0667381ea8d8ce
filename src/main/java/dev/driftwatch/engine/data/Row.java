package dev.driftwatch.engine.data;

import java.util.List;

/**
 * One record of a snapshot. A value is a {@link String} (the text as read, numbers included), a
 * {@code List<String>} (a JSON array of scalars) or {@code null} (absent or JSON null).
 * Its values are immutable once built; derived values ({@link #derived}) are attached once, by the thread that
 * reads or profiles it, before the row is handed to another thread.
 */
public final class Row {
    private final Header header;
    private final Object[] values;
    private final String split;
    private final String source;
    private final long line;
    private Derived derived;
    private long[] valueHashes;
    private byte[] valueTypes;

    public Row(Header header, Object[] values, String split, String source, long line) {
        this.header = header;
        this.values = values;
        this.split = split;
        this.source = source;
        this.line = line;
    }

    public Header header() {
        return header;
    }

    /** The raw value of a column: a String, a List of Strings, or null. */
    public Object get(String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= values.length ? null : values[index];
    }

    public Object get(int index) {
        return index < 0 || index >= values.length ? null : values[index];
    }

    /** The value as text: lists are joined with a space. */
    public String text(String column) {
        return text(header.indexOf(column));
    }

    /** {@link #text(String)} of the column at {@code index} (null when negative). */
    public String text(int index) {
        Object value = get(index);
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        return (String) value;
    }

    /**
     * The value as a list of labels: a list as is, a single non-blank string as a list of one,
     * nothing as an empty list.
     */
    public List<String> labels(String column) {
        return labels(header.indexOf(column));
    }

    /** {@link #labels(String)} of the column at {@code index} (none when negative). */
    @SuppressWarnings("unchecked")
    public List<String> labels(int index) {
        String single = singleLabel(index);
        if (single != null) {
            return List.of(single);
        }
        return get(index) instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The one label of the column at {@code index} when its value is a single non-blank string, else null. */
    public String singleLabel(int index) {
        return get(index) instanceof String text && !text.isBlank() ? text : null;
    }

    /**
     * Computes and keeps the given derivations of this row; called once, before the row is handed to the
     * threads that read them.
     */
    public void attach(RowDerivations wanted) {
        Object[] values = new Object[wanted.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = wanted.get(i).derive(this);
        }
        derived = new Derived(wanted, values);
    }

    /**
     * Keeps the hash of each value, by position, as the profile computed it ({@code RowFingerprint}), so that
     * derivations hashing the same values need not hash them again; called once, by the profiling thread, before the
     * derivations are attached.
     */
    public void keepValueHashes(long[] hashes) {
        valueHashes = hashes;
    }

    /** The hash of each value by position as the profile computed it, or null when it kept none. */
    public long[] valueHashes() {
        return valueHashes;
    }

    /**
     * Keeps the type of each value, by position, as the profile inferred it: the ordinal of its {@code ValueType}, or
     * -1 where it inferred none (a missing value, a list). Called once, by the profiling thread, with
     * {@link #keepValueHashes}.
     */
    public void keepValueTypes(byte[] types) {
        valueTypes = types;
    }

    /** The type of each value by position as the profile inferred it ({@link #keepValueTypes}), or null when it kept none. */
    public byte[] valueTypes() {
        return valueTypes;
    }

    /** The value of a derivation: the one attached, else computed now (and not kept). */
    @SuppressWarnings("unchecked")
    public <T> T derived(RowDerivation<T> derivation) {
        Derived attached = derived;
        int index = attached == null ? -1 : attached.derivations.indexOf(derivation);
        return index < 0 ? derivation.derive(this) : (T) attached.values[index];
    }

    /** Derivations and their values, published together (final fields). */
    private record Derived(RowDerivations derivations, Object[] values) {
    }

    /** The split this row belongs to ("all" when the dataset has no splits). */
    public String split() {
        return split;
    }

    public Row withSplit(String newSplit) {
        return new Row(header, values, newSplit, source, line);
    }

    /** The file the row came from, relative to its snapshot. */
    public String source() {
        return source;
    }

    /** 1-based line (CSV) or record number (JSON) in {@link #source()}. */
    public long line() {
        return line;
    }
}
