package dev.driftwatch.engine.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Writes shipped example data as Parquet with Parquet's own writer (tests only: the writer needs Hadoop). */
final class ParquetFiles {
    private ParquetFiles() {
    }

    /**
     * A csv without quotes as Parquet: a column whose values are all integers is INT64, all numbers DOUBLE,
     * else a UTF-8 string; an empty value is null.
     */
    static Path fromCsv(Path csv, Path out, CompressionCodecName codec, int rowGroupBytes) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] names = lines.get(0).split(",", -1);
        List<String[]> rows = new ArrayList<>();
        lines.subList(1, lines.size()).forEach(line -> rows.add(line.split(",", -1)));
        String[] types = new String[names.length];
        StringBuilder schema = new StringBuilder("message csv {\n");
        for (int c = 0; c < names.length; c++) {
            int column = c;
            boolean integers = rows.stream().allMatch(r -> r[column].isEmpty() || r[column].matches("-?\\d+"));
            boolean numbers = rows.stream().allMatch(r -> r[column].isEmpty() || r[column].matches("-?\\d*\\.?\\d+"));
            types[c] = integers ? "int64" : numbers ? "double" : "binary";
            schema.append("  optional ").append(types[c]).append(' ').append(names[c])
                    .append(types[c].equals("binary") ? " (STRING)" : "").append(";\n");
        }
        MessageType type = MessageTypeParser.parseMessageType(schema.append('}').toString());
        var groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = writer(out, type, codec, rowGroupBytes)) {
            for (String[] row : rows) {
                Group group = groups.newGroup();
                for (int c = 0; c < names.length; c++) {
                    if (row[c].isEmpty()) {
                        continue;
                    }
                    switch (types[c]) {
                        case "int64" -> group.append(names[c], Long.parseLong(row[c]));
                        case "double" -> group.append(names[c], Double.parseDouble(row[c]));
                        default -> group.append(names[c], row[c]);
                    }
                }
                writer.write(group);
            }
        }
        return out;
    }

    /** The Made With ML projects file (a JSON array of objects) as Parquet, its tags a LIST of strings. */
    static Path fromProjectsJson(Path json, Path out, int rowGroupBytes) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType("""
                message projects {
                  optional int64 id;
                  optional binary created_on (STRING);
                  optional binary title (STRING);
                  optional binary description (STRING);
                  optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
                  optional binary text (STRING);
                }""");
        var groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = writer(out, type, CompressionCodecName.GZIP, rowGroupBytes)) {
            for (JsonNode project : new ObjectMapper().readTree(json.toFile())) {
                Group group = groups.newGroup();
                group.append("id", project.get("id").asLong());
                for (String field : List.of("created_on", "title", "description", "text")) {
                    if (project.hasNonNull(field)) {
                        group.append(field, project.get(field).asText());
                    }
                }
                if (project.has("tags")) {
                    Group tags = group.addGroup("tags");
                    project.get("tags").forEach(tag -> tags.addGroup("list").append("element", tag.asText()));
                }
                writer.write(group);
            }
        }
        return out;
    }

    private static ParquetWriter<Group> writer(Path out, MessageType type, CompressionCodecName codec, int rowGroupBytes)
            throws IOException {
        return ExampleParquetWriter.builder(new LocalOutput(out))
                .withType(type)
                .withCompressionCodec(codec)
                .withRowGroupSize(rowGroupBytes)
                .withPageSize(Math.min(rowGroupBytes, 1 << 20))
                .build();
    }

    /** A local file to write, without Hadoop's file systems. */
    private record LocalOutput(Path path) implements OutputFile {
        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(path));
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    position += length;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
