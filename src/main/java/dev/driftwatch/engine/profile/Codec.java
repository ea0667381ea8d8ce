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

    static Map<String, Long> readCounts(DataInput in) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            counts.put(readString(in), in.readLong());
        }
        return counts;
    }
}
