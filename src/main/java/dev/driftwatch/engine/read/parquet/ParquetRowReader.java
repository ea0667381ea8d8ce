package dev.driftwatch.engine.read.parquet;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.read.FileRowReader;
import dev.driftwatch.engine.read.RowSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file with the Parquet project's own reader, one row group in memory at a time, without
 * Hadoop: the file is read through a local channel and pages are decompressed in plain Java. The header is the
 * schema's top-level fields; values are read as {@link ParquetValues} says. A row's line is its 1-based
 * position in the file.
 */
public final class ParquetRowReader implements FileRowReader {
    @Override
    public void read(Path file, String source, String split, RowSink sink) throws IOException {
        ParquetReadOptions options = HadoopFreeReadOptions.of(PureJavaCodecs.INSTANCE);
        try (ParquetFileReader reader = open(file, source, options)) {
            MessageType schema = reader.getFileMetaData().getSchema();
            List<String> names = new ArrayList<>(schema.getFieldCount());
            schema.getFields().forEach(field -> names.add(field.getName()));
            Header header = new Header(names);
            MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
            long position = 0;
            PageReadStore rowGroup;
            while ((rowGroup = nextRowGroup(reader, source)) != null) {
                RecordReader<Group> records = columns.getRecordReader(rowGroup, new GroupRecordConverter(schema));
                for (long i = 0, n = rowGroup.getRowCount(); i < n; i++) {
                    Object[] values = values(records, names.size(), source, position + 1);
                    sink.accept(new Row(header, values, split, source, ++position));
                }
            }
        }
    }

    private static PageReadStore nextRowGroup(ParquetFileReader reader, String source) throws IOException {
        try {
            return reader.readNextRowGroup();
        } catch (RuntimeException e) {
            throw new IOException("could not read a row group of " + source + ": " + e.getMessage(), e);
        }
    }

    private static Object[] values(RecordReader<Group> records, int fields, String source, long position) throws IOException {
        try {
            Group record = records.read();
            Object[] values = new Object[fields];
            for (int field = 0; field < fields; field++) {
                values[field] = ParquetValues.value(record, field);
            }
            return values;
        } catch (RuntimeException e) {
            throw new IOException("could not read record " + position + " of " + source + ": " + e.getMessage(), e);
        }
    }

    private static ParquetFileReader open(Path file, String source, ParquetReadOptions options) throws IOException {
        try {
            return ParquetFileReader.open(new LocalParquetFile(file), options);
        } catch (RuntimeException e) {
            throw new IOException("expected a Parquet file but " + source + " is not one: " + e.getMessage(), e);
        }
    }

    /** Copies the stream to a temporary file, since Parquet is read from its footer at the end. */
    @Override
    public void read(InputStream in, String source, String split, RowSink sink) throws IOException {
        Path copy = Files.createTempFile("driftwatch-", ".parquet");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            read(copy, source, split, sink);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
