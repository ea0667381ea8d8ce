package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates one column of one split. Memory is bounded by its sketches (HyperLogLog of 4 KiB, a
 * distribution sketch of at most 2 x 2048 bins, value counts exact up to {@value #EXACT_VALUES} distinct
 * values then a Misra-Gries summary of that size, text statistics for text columns), not by the number of rows,
 * but for the exact values of a declared numeric column, 8 bytes a value up to the dataset's limit.
 * Not thread-safe; merge partial accumulators instead.
 */
final class ColumnAccumulator {
    static final int EXACT_VALUES = 1000;
    private static final ValueType[] TYPES = ValueType.values();

    private final String column;
    private final MissingTokens missingTokens;
    private long count;
    private final Map<String, Long> missingByReason;
    private final long[] typeCounts;
    /** Null when the run leaves the distinct count out. */
    private final DistinctCounter distinct;
    private final NumberStream numbers;
    private final FrequencyCounter values;
    private final TextAccumulator text;
    private String earliest;
    private String latest;
    private final WordIds wordIds;
    private final WordList lastWords = new WordList();
    /** The ordinal of the last value's type, or -1 when it had none (missing, a list). */
    private byte lastType;

    /**
     * @param isText    true for declared inputs and text columns (text statistics instead of value counts)
     * @param uncounted true for the id and declared numeric and timestamp columns: no value counts (their
     *                  values are expected to be (nearly) unique; numbers have their distribution instead)
     * @param exact     the column's exact values to keep (declared numeric columns), or null
     * @param distinct  whether to count the distinct values ({@link ProfileRequest.EdaOnly#DISTINCT_VALUES})
     */
    ColumnAccumulator(String column, MissingTokens missingTokens, boolean isText, boolean uncounted, WordIds wordIds,
                      ExactValues exact, boolean distinct) {
        this(column, missingTokens, new TreeMap<>(), new long[TYPES.length], distinct ? new DistinctCounter() : null,
                new NumberStream(exact), isText || uncounted ? null : new FrequencyCounter(EXACT_VALUES),
                isText ? new TextAccumulator(wordIds) : null, wordIds);
    }

    private ColumnAccumulator(String column, MissingTokens missingTokens, Map<String, Long> missingByReason,
                              long[] typeCounts, DistinctCounter distinct, NumberStream numbers, FrequencyCounter values,
                              TextAccumulator text, WordIds wordIds) {
        this.wordIds = wordIds;
        this.column = column;
        this.missingTokens = missingTokens;
        this.missingByReason = missingByReason;
        this.typeCounts = typeCounts;
        this.distinct = distinct;
        this.numbers = numbers;
        this.values = values;
        this.text = text;
    }

    /** Adds a value; returns its {@link RowFingerprint#valueHash}. */
    long accept(Object value) {
        count++;
        lastWords.clear();
        lastType = -1;
        String reason = missingReason(value);
        if (reason != null) {
            missingByReason.merge(reason, 1L, Long::sum);
            if (text != null) {
                text.acceptEmpty();
            }
            return RowFingerprint.valueHash(value);
        }
        if (value instanceof List<?> list) {
            typeCounts[ValueType.LIST.ordinal()]++;
            if (distinct != null) {
                StringBuilder joined = new StringBuilder();
                list.stream().map(String::valueOf).sorted().forEach(item -> joined.append(item).append('\u0001'));
                distinct.update(joined.toString());
            }
            if (values != null) {
                list.forEach(item -> values.update(String.valueOf(item)));
            }
            return RowFingerprint.valueHash(value);
        }
        String raw = (String) value;
        long hash;
        if (text != null) {
            text.accept(raw, lastWords, wordIds);
            hash = lastWords.textHash();
        } else {
            hash = StringHash.of(raw);
            if (values != null) {
                values.update(raw, hash, 1);
            }
        }
        if (distinct != null) {
            distinct.updateHash(hash);
        }
        String stripped = raw.strip();
        ValueType type = ValueType.of(stripped);
        typeCounts[type.ordinal()]++;
        lastType = (byte) type.ordinal();
        if (type.isNumeric()) {
            numbers.add(PlainDecimal.parse(stripped));
        } else if (type == ValueType.TIMESTAMP) {
            earliest = earliest == null || stripped.compareTo(earliest) < 0 ? stripped : earliest;
            latest = latest == null || stripped.compareTo(latest) > 0 ? stripped : latest;
        }
        return hash;
    }

    /** The word counts of a text column, or null. */
    FrequencyCounter words() {
        return text == null ? null : text.frequentWords();
    }

    /** The ordinal of the {@link ValueType} of the last value accepted, or -1 when it had none (missing, a list). */
    byte lastType() {
        return lastType;
    }

    /** The words of the last value accepted, when this is a text column (empty otherwise). */
    WordList lastWords() {
        return lastWords;
    }

    private String missingReason(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "empty" : null;
        }
        String raw = (String) value;
        if (raw.isEmpty()) {
            return "empty";
        }
        if (raw.isBlank()) {
            return "blank";
        }
        String token = missingTokens.match(raw);
        return token == null ? null : "token:" + token;
    }

    String name() {
        return column;
    }

    NumberStream numbers() {
        return numbers;
    }

    /** Counts rows that were read before this column first appeared (absent means null). */
    void acceptMissing(long rowsWithoutColumn) {
        if (rowsWithoutColumn > 0) {
            count += rowsWithoutColumn;
            missingByReason.merge("null", rowsWithoutColumn, Long::sum);
            for (long i = 0; text != null && i < rowsWithoutColumn; i++) {
                text.acceptEmpty();
            }
        }
    }

    /** After a merge, counts the rows of the other side that never had this column. */
    void padTo(long rows) {
        acceptMissing(rows - count);
    }

    void merge(ColumnAccumulator other) {
        count += other.count;
        other.missingByReason.forEach((k, v) -> missingByReason.merge(k, v, Long::sum));
        for (int i = 0; i < typeCounts.length; i++) {
            typeCounts[i] += other.typeCounts[i];
        }
        if (distinct != null) {
            distinct.merge(other.distinct);
        }
        numbers.merge(other.numbers);
        if (values != null && other.values != null) {
            values.merge(other.values);
        }
        if (text != null && other.text != null) {
            text.merge(other.text);
        }
        earliest = min(earliest, other.earliest);
        latest = other.latest == null || (latest != null && latest.compareTo(other.latest) >= 0) ? latest : other.latest;
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    ColumnProfile toProfile() {
        long missing = missingByReason.values().stream().mapToLong(Long::longValue).sum();
        Map<ValueType, Long> types = new EnumMap<>(ValueType.class);
        for (int i = 0; i < typeCounts.length; i++) {
            if (typeCounts[i] > 0) {
                types.put(TYPES[i], typeCounts[i]);
            }
        }
        ValueType type = types.entrySet().stream()
                .max(Map.Entry.<ValueType, Long>comparingByValue().thenComparing(e -> -e.getKey().ordinal()))
                .map(Map.Entry::getKey).orElse(null);
        if (type == ValueType.INTEGER && types.getOrDefault(ValueType.DECIMAL, 0L) > 0) {
            type = ValueType.DECIMAL;
        }
        ValueType inferred = type;
        long fitting = types.entrySet().stream().filter(e -> inferred != null && inferred.accepts(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        long present = count - missing;
        return new ColumnProfile(column, count, missing, missingByReason, distinct == null ? null : distinct.figure(), type,
                types, present - fitting, numbers.summary(), values == null ? null : new CategoricalSummary(values),
                text == null ? null : text.summary(), earliest, latest);
    }

    void write(DataOutput out) throws IOException {
        requireDistinct();
        Codec.writeString(out, column);
        out.writeLong(count);
        Codec.writeCounts(out, missingByReason);
        out.writeInt(typeCounts.length);
        for (long c : typeCounts) {
            out.writeLong(c);
        }
        distinct.write(out);
        numbers.write(out);
        out.writeBoolean(values != null);
        if (values != null) {
            values.write(out);
        }
        out.writeBoolean(text != null);
        if (text != null) {
            text.write(out);
        }
        Codec.writeString(out, earliest);
        Codec.writeString(out, latest);
    }

    /** What profiles keep exactly from format 3 on: the distinct values' hashes, the text's vocabulary. */
    void writeExact(DataOutput out) throws IOException {
        requireDistinct();
        distinct.writeExact(out);
        out.writeBoolean(text != null);
        if (text != null) {
            text.allWords().write(out);
        }
    }

    void readExact(DataInput in) throws IOException {
        distinct.readExact(in);
        if (in.readBoolean() != (text != null)) {
            throw new IOException("expected " + (text == null ? "no " : "") + "vocabulary of column " + column
                    + " but found the opposite");
        }
        if (text != null) {
            text.attach(WordVocabulary.read(in));
        }
    }

    private void requireDistinct() {
        if (distinct == null) {
            throw new IllegalStateException("expected the distinct values of column " + column
                    + " to be counted before the profile is stored, but this run left them out");
        }
    }

    static ColumnAccumulator read(DataInput in, WordIds wordIds) throws IOException {
        String column = Codec.readString(in);
        long count = in.readLong();
        Map<String, Long> missing = Codec.readCounts(in);
        long[] types = new long[in.readInt()];
        for (int i = 0; i < types.length; i++) {
            types[i] = in.readLong();
        }
        DistinctCounter distinct = DistinctCounter.read(in);
        NumberStream numbers = NumberStream.read(in);
        FrequencyCounter values = in.readBoolean() ? FrequencyCounter.read(in) : null;
        TextAccumulator text = in.readBoolean() ? TextAccumulator.read(in, wordIds) : null;
        var column1 = new ColumnAccumulator(column, MissingTokens.NONE, missing, types, distinct, numbers, values, text, wordIds);
        column1.count = count;
        column1.earliest = Codec.readString(in);
        column1.latest = Codec.readString(in);
        return column1;
    }
}
