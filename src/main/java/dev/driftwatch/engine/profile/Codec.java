package dev.driftwatch.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Small binary helpers shared by the accumulators' write/read methods. */
final class Codec {
    private Codec() {
    }

    static void writeString(DataOutput out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String readString(DataInput in) throws IOException {
        return in.readBoolean() ? new String(readBytes(in), StandardCharsets.UTF_8) : null;
    }

    static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    static void writeCounts(DataOutput out, Map<String, Long> counts) throws IOException {
        out.writeInt(counts.size());
        for (var e : new TreeMap<>(counts).entrySet()) {
            writeString(out, e.getKey());
            out.writeLong(e.getValue());
        }
    }

    /** An unsigned number in groups of 7 bits, low first (1 byte up to 127, at most 10). */
    static void writeVarLong(DataOutput out, long value) throws IOException {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.writeByte((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte((int) rest);
    }

    static long readVarLong(DataInput in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("expected a variable-length number of at most 10 bytes but found more");
    }

    /** Ascending (signed) 64-bit hashes as their count and the differences between neighbours (about 6 bytes each). */
    static void writeSortedHashes(DataOutput out, long[] sorted) throws IOException {
        out.writeInt(sorted.length);
        long previous = 0;
        for (long hash : sorted) {
            writeVarLong(out, hash - previous);
            previous = hash;
        }
    }

    static long[] readSortedHashes(DataInput in, int max) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > max) {
            throw new IOException("expected at most " + max + " hashes but found " + size);
        }
        long[] hashes = new long[size];
        long previous = 0;
        for (int i = 0; i < size; i++) {
            previous += readVarLong(in);
            hashes[i] = previous;
        }
        return hashes;
    }

    static Map<String, Long> readCounts(DataInput in) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            counts.put(readString(in), in.readLong());
        }
        return counts;
    }
}
