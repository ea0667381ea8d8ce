package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.read.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Serialises a snapshot profile, with all its mergeable state (sketches included), to bytes and back:
 * {@code fromBytes(toBytes(p))} answers every accessor as {@code p} does, and can be merged further.
 * The format is versioned ({@value #VERSION}; formats 1 and 2 are still read) and ends with a CRC-32 of the rest, so
 * bytes cut short or altered are refused; a few kilobytes per snapshot, plus the exact values of declared numeric
 * columns (about 12 bytes per distinct value and split, up to {@code exact_values_limit} values), the exact distinct
 * values (up to 4,096 64-bit hashes per column and split) and the vocabularies of text columns (about 7 bytes per
 * distinct word and split, up to 786,432 words).
 * Stateless and thread-safe.
 */
public final class ProfileCodec {
    private static final int MAGIC = 0x44575046;
    static final int VERSION = 3;
    /** Format 2 had no line count and no rows per read problem; it is still read (lines unknown, one row each). */
    private static final int UNCOUNTED_LINES_VERSION = 2;
    /** Format 1 kept the duplicate counts without the sketch of distinct rows either; it is still read. */
    private static final int COUNTS_ONLY_VERSION = 1;
    /**
     * Format 2 had no exact numeric values, exact distinct values nor vocabularies (its numeric columns compare by
     * their sketches, its distinct counts are estimated); it is still read.
     */
    private static final int SKETCH_ONLY_VERSION = 2;

    private ProfileCodec() {
    }

    /** True when the stream starts as a stored profile does (its first four bytes); reads those bytes. */
    public static boolean startsAProfile(InputStream in) throws IOException {
        byte[] head = in.readNBytes(Integer.BYTES);
        return head.length == Integer.BYTES && ByteBuffer.wrap(head).getInt() == MAGIC;
    }

    public static byte[] toBytes(SnapshotProfile profile) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeRoles(out, profile.state().request().roles());
            profile.tagSettings().write(out);
            writeReads(out, profile.reads());
            profile.rowDuplicates().write(out);
            writeState(out, profile.state());
            writeExactValues(out, profile.state());
            writeExactCounts(out, profile);
            out.writeInt(checksum(bytes.toByteArray(), bytes.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a whole profile of a known format version */
    public static SnapshotProfile fromBytes(byte[] bytes) {
        int version = versionOf(bytes);
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes, 8, bytes.length - 8))) {
            ProfileRequest request = ProfileRequest.builder(readRoles(in)).build();
            TagSettings settings = TagSettings.read(in);
            ReadReport reads = readReads(in, version);
            var duplicates = version == COUNTS_ONLY_VERSION ? RowDuplicates.readCountsOnly(in) : RowDuplicates.read(in);
            SnapshotState state = readState(in, request);
            if (version > SKETCH_ONLY_VERSION) {
                readExactValues(in, state);
                duplicates = readExactCounts(in, state, duplicates);
            }
            return new SnapshotProfile(state, reads, duplicates, settings);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("expected a complete profile but found: " + e, e);
        }
    }

    /** The format version of profile bytes, after checking their magic number and, from format 2 on, checksum. */
    private static int versionOf(byte[] bytes) {
        if (bytes.length < 12) {
            throw new IllegalArgumentException("expected a profile but found only " + bytes.length + " bytes");
        }
        var head = ByteBuffer.wrap(bytes);
        int magic = head.getInt();
        int version = head.getInt();
        if (magic != MAGIC || version < COUNTS_ONLY_VERSION || version > VERSION) {
            throw new IllegalArgumentException("expected a profile of format version " + COUNTS_ONLY_VERSION + " to " + VERSION
                    + " but found magic " + Integer.toHexString(magic) + " version " + version);
        }
        if (version != COUNTS_ONLY_VERSION && checksum(bytes, bytes.length - 4) != head.getInt(bytes.length - 4)) {
            throw new IllegalArgumentException("expected a profile whose checksum matches its bytes but found "
                    + bytes.length + " bytes that were cut short or altered");
        }
        return version;
    }

    /** CRC-32 of {@code bytes[0, length)}, which ends a profile from format 2 on. */
    private static int checksum(byte[] bytes, int length) {
        var crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /** A deep copy of a profile's state (through its bytes), to merge into without touching the original. */
    static SnapshotState copyState(SnapshotProfile profile) {
        return fromBytes(toBytes(profile)).state();
    }

    private static void writeState(DataOutput out, SnapshotState state) throws IOException {
        out.writeInt(state.splits().size());
        for (SplitAccumulator split : state.splits().values()) {
            split.write(out);
        }
    }

    private static SnapshotState readState(DataInput in, ProfileRequest request) throws IOException {
        var state = new SnapshotState(request, null);
        int splits = in.readInt();
        for (int i = 0; i < splits; i++) {
            SplitAccumulator split = SplitAccumulator.read(in, request);
            state.splits().put(split.name(), split);
        }
        return state;
    }

    // ---- Exact numeric values (format 3): after the state, one entry per column that keeps them ----------------

    /** Entries (split, column, {@link ExactValues}) in split and column order, so the bytes are deterministic. */
    private static void writeExactValues(DataOutput out, SnapshotState state) throws IOException {
        List<String[]> keys = new ArrayList<>();
        state.splits().forEach((split, accumulator) -> accumulator.columns().forEach((column, values) -> {
            if (values.numbers().exactValues() != null) {
                keys.add(new String[] {split, column});
            }
        }));
        out.writeInt(keys.size());
        for (String[] key : keys) {
            Codec.writeString(out, key[0]);
            Codec.writeString(out, key[1]);
            state.splits().get(key[0]).columns().get(key[1]).numbers().exactValues().write(out);
        }
    }

    private static void readExactValues(DataInput in, SnapshotState state) throws IOException {
        int entries = in.readInt();
        for (int i = 0; i < entries; i++) {
            String split = Codec.readString(in);
            String column = Codec.readString(in);
            SplitAccumulator accumulator = state.splits().get(split);
            ColumnAccumulator values = accumulator == null ? null : accumulator.columns().get(column);
            if (values == null) {
                throw new IOException("expected exact values of a profiled column but found split " + split + " column " + column);
            }
            ExactValues exact = ExactValues.read(in);
            if (exact.seen() != values.numbers().count()) {
                throw new IOException("expected " + values.numbers().count() + " exact values of column " + column
                        + " in split " + split + " but found " + exact.seen());
            }
            values.numbers().attach(exact);
        }
    }

    // ---- Exact counts (format 3): after the state, the bounds of the duplicate rows, then per split and column what
    // it keeps exactly (the hashes of up to 4,096 distinct values, the vocabulary of a text column); older formats have
    // none, so their distinct counts are estimates and their vocabularies come from their word counts.

    /** The bounds, then entries (split, column, exact counts) in split and column order, so the bytes are deterministic. */
    private static void writeExactCounts(DataOutput out, SnapshotProfile profile) throws IOException {
        out.writeLong(profile.duplicates().duplicates().lower());
        out.writeLong(profile.duplicates().duplicates().upper());
        SnapshotState state = profile.state();
        out.writeInt(state.splits().size());
        for (SplitAccumulator split : state.splits().values()) {
            Codec.writeString(out, split.name());
            out.writeInt(split.columns().size());
            for (ColumnAccumulator column : split.columns().values()) {
                Codec.writeString(out, column.name());
                column.writeExact(out);
            }
        }
    }

    /** Reads the exact counts into the state; returns the duplicates with their bounds. */
    private static RowDuplicates readExactCounts(DataInput in, SnapshotState state, RowDuplicates duplicates)
            throws IOException {
        RowDuplicates bounded = duplicates.withBounds(in.readLong(), in.readLong());
        int splits = in.readInt();
        if (splits != state.splits().size()) {
            throw new IOException("expected exact counts of " + state.splits().size() + " splits but found " + splits);
        }
        for (int i = 0; i < splits; i++) {
            String name = Codec.readString(in);
            SplitAccumulator split = state.splits().get(name);
            int columns = in.readInt();
            if (split == null || columns != split.columns().size()) {
                throw new IOException("expected exact counts of a profiled split but found split " + name + " with "
                        + columns + " columns");
            }
            for (int c = 0; c < columns; c++) {
                String column = Codec.readString(in);
                ColumnAccumulator accumulator = split.columns().get(column);
                if (accumulator == null) {
                    throw new IOException("expected exact counts of a profiled column but found split " + name
                            + " column " + column);
                }
                accumulator.readExact(in);
            }
        }
        return bounded;
    }

    // ---- Roles and reads ------------------------------------------------------------------------------------------

    private static void writeRoles(DataOutput out, ColumnRoles roles) throws IOException {
        Codec.writeString(out, roles.id());
        Codec.writeString(out, roles.label());
        Codec.writeString(out, roles.tags());
        writeList(out, roles.inputs());
        writeList(out, roles.text());
    }

    private static ColumnRoles readRoles(DataInput in) throws IOException {
        String id = Codec.readString(in);
        String label = Codec.readString(in);
        String tags = Codec.readString(in);
        List<String> inputs = readList(in);
        List<String> text = readList(in);
        return new ColumnRoles(id, inputs, label, tags, List.of(), List.of(), text, List.of(), Map.of());
    }

    private static void writeList(DataOutput out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            Codec.writeString(out, value);
        }
    }

    private static List<String> readList(DataInput in) throws IOException {
        List<String> values = new ArrayList<>();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            values.add(Codec.readString(in));
        }
        return values;
    }

    private static void writeReads(DataOutput out, ReadReport reads) throws IOException {
        out.writeLong(reads.linesRead());
        out.writeLong(reads.rowsRead());
        out.writeLong(reads.rowsRejected());
        Codec.writeCounts(out, reads.byKind());
        out.writeInt(reads.examples().size());
        for (ReadProblem problem : reads.examples()) {
            Codec.writeString(out, problem.source());
            out.writeLong(problem.line());
            Codec.writeString(out, problem.kind());
            Codec.writeString(out, problem.message());
            out.writeLong(problem.rows());
        }
    }

    private static ReadReport readReads(DataInput in, int version) throws IOException {
        boolean counted = version > UNCOUNTED_LINES_VERSION;
        long lines = counted ? in.readLong() : ReadReport.UNKNOWN_LINES;
        long read = in.readLong();
        long rejected = in.readLong();
        Map<String, Long> byKind = Codec.readCounts(in);
        List<ReadProblem> examples = new ArrayList<>();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            examples.add(new ReadProblem(Codec.readString(in), in.readLong(), Codec.readString(in), Codec.readString(in),
                    counted ? in.readLong() : 1));
        }
        return new ReadReport(read, rejected, byKind, examples, lines);
    }
}
