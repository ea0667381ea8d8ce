package dev.driftwatch.spark;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SplitNames;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.JsonArrayLines;
import dev.driftwatch.engine.read.ListColumn;
import dev.driftwatch.engine.read.ReadOptions;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads the files of a snapshot through Spark's data sources (csv, tsv, json, jsonl, parquet), every value as the
 * engine's readers give it: csv and tsv as written (no type inference, an empty field is an empty text), other
 * formats' scalars as text, arrays as lists of texts. Each row keeps its file and line (csv, tsv: the line of the
 * record, header included; other formats: the record number), worked out from the block of the file Spark read it
 * from: a first pass counts the rows of each block. Rows stay on the executors.
 */
final class SnapshotRows {
    private static final String BLOCK = "__driftwatch_block";
    private static final String CORRUPT = "__driftwatch_malformed";

    private SnapshotRows() {
    }

    /** The rows of a snapshot, in file order, and the columns its files have. */
    record Read(JavaRDD<PlacedRow> rows, Set<String> columns, List<Dataset<org.apache.spark.sql.Row>> cached) {
        /** Drops what was cached for this read. */
        void release() {
            cached.forEach(frame -> frame.unpersist(false));
        }
    }

    /** The rows of a snapshot on the local file system. */
    static Read read(SparkSession spark, DatasetDefinition dataset, Snapshot snapshot) {
        return read(spark, dataset, new Located(snapshot, new LocalSnapshots(java.time.Clock.systemUTC())), false);
    }

    /**
     * @param cache whether the files' records stay cached in Spark's columnar form (memory, else local disk) for the
     *              passes after the first, instead of being parsed again in each
     */
    static Read read(SparkSession spark, DatasetDefinition dataset, Located snapshot, boolean cache) {
        List<Dataset<org.apache.spark.sql.Row>> cached = new ArrayList<>();
        JavaRDD<PlacedRow> all = null;
        Set<String> columns = new LinkedHashSet<>();
        List<SnapshotFile> files = snapshot.snapshot().files();
        for (int i = 0; i < files.size(); i++) {
            JavaRDD<PlacedRow> rows = read(spark, dataset, files.get(i), snapshot.store(), i, columns,
                    cache ? cached : null);
            all = all == null ? rows : all.union(rows);
        }
        if (all == null) {
            throw new SnapshotException("expected files in snapshot " + snapshot.snapshot().id() + " but found none");
        }
        return new Read(all, columns, cached);
    }

    private static JavaRDD<PlacedRow> read(SparkSession spark, DatasetDefinition dataset, SnapshotFile file,
                                           SnapshotStore store, int index, Set<String> columnsSeen,
                                           List<Dataset<org.apache.spark.sql.Row>> cache) {
        String location = store.uriOf(file);
        Format format = file.format();
        LineBlocks lines = format.delimited() ? LineBlocks.of(spark, location, dataset.readOptions().quoteFor(format)) : null;
        boolean whole = lines != null && lines.quotedLineBreaks();
        DataFrameReader reader = reader(spark, format, dataset.readOptions());
        if (whole) {
            reader = reader.option("multiLine", "true");
        }
        boolean delimited = format.delimited();
        if (delimited) {
            reader = reader.schema(reader.load(location).schema().add(CORRUPT, DataTypes.StringType))
                    .option("columnNameOfCorruptRecord", CORRUPT);
        }
        Dataset<org.apache.spark.sql.Row> frame = reader.load(location).withColumn(BLOCK, functions.input_file_block_start());
        StructField[] fields = frame.schema().fields();
        int columns = fields.length - (delimited ? 2 : 1);
        String[] names = new String[columns];
        boolean[] lists = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = fields[c].name();
            lists[c] = fields[c].dataType() instanceof ArrayType;
            columnsSeen.add(names[c]);
        }
        if (cache != null) {
            frame = frame.persist(StorageLevel.MEMORY_AND_DISK());
            cache.add(frame);
        }
        JavaRDD<org.apache.spark.sql.Row> records = frame.javaRDD();
        Map<Long, Long> perBlock = whole ? null : lines != null ? lines.recordsPerBlock()
                : frame.select(BLOCK).javaRDD().map(r -> r.getLong(0)).countByValue();
        Map<Long, Long> rowsBefore = whole ? null : rowsBeforeEachBlock(perBlock);
        long firstLine = delimited ? 2 : 1;
        long[] objectLines = format == Format.JSON
                ? objectLines(store, file, perBlock.values().stream().mapToLong(Long::longValue).sum()) : null;
        String source = file.relativePath();
        SplitPolicy splits = dataset.splits();
        int splitIndex = splits.kind() == SplitPolicy.Kind.COLUMN ? List.of(names).indexOf(splits.column()) : -1;
        String fileSplit = file.split();
        ListColumn list = delimited ? dataset.readOptions().listColumn() : null;
        return records.mapPartitions(partition -> placed(partition, rowsBefore, firstLine, objectLines, index, source,
                names, lists, delimited, splitIndex, fileSplit, list));
    }

    /**
     * The line each record of a JSON array file starts on, read on the driver with the local reader's parser, so that
     * evidence names the lines the local engine names; null (records numbered 1, 2, ...) when the file holds other
     * elements than objects, which Spark and the local reader would count differently.
     */
    private static long[] objectLines(SnapshotStore store, SnapshotFile file, long records) {
        try (InputStream in = store.open(file)) {
            long[] lines = JsonArrayLines.of(in);
            return lines.length == records ? lines : null;
        } catch (IOException e) {
            throw new SnapshotException("could not read " + store.uriOf(file) + ": " + e.getMessage(), e);
        }
    }

    /** @param list a csv or tsv column whose values are lists written as one string, split as the local reader does */
    private static Iterator<PlacedRow> placed(Iterator<org.apache.spark.sql.Row> partition, Map<Long, Long> rowsBefore,
                                              long firstLine, long[] objectLines, int file, String source, String[] names,
                                              boolean[] lists, boolean delimited, int splitIndex, String fileSplit,
                                              ListColumn list) {
        int listIndex = list == null ? -1 : List.of(names).indexOf(list.column());
        Map<Long, Long> seen = new HashMap<>();
        var splitNames = new SplitNames();
        long[] nextLine = {firstLine};
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return partition.hasNext();
            }

            @Override
            public PlacedRow next() {
                org.apache.spark.sql.Row record = partition.next();
                Object[] values = new Object[names.length];
                for (int c = 0; c < names.length; c++) {
                    values[c] = value(record, c, lists[c], delimited);
                }
                long line;
                if (rowsBefore == null) {
                    line = nextLine[0];
                    nextLine[0] += 1 + lineBreaks(values);
                } else {
                    long block = record.getLong(record.length() - 1);
                    long number = rowsBefore.get(block) + seen.merge(block, 1L, Long::sum) - 1;
                    line = objectLines != null ? objectLines[(int) number] : firstLine + number;
                }
                if (delimited && !record.isNullAt(names.length)) {
                    throw new MalformedRecordException(source, line, names.length);
                }
                if (listIndex >= 0 && values[listIndex] instanceof String text) {
                    values[listIndex] = list.split(text);
                }
                String split = splitIndex < 0 ? fileSplit
                        : splitNames.of(values[splitIndex] instanceof String text ? text : null);
                return new PlacedRow(file, source, line, split, names, values);
            }
        };
    }

    /** The line breaks inside a record's values ({@code \r\n} counts once), so the next record's line follows. */
    private static long lineBreaks(Object[] values) {
        long breaks = 0;
        for (Object value : values) {
            if (value instanceof String text) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                        breaks++;
                    }
                }
            }
        }
        return breaks;
    }

    private static Map<Long, Long> rowsBeforeEachBlock(Map<Long, Long> rowsPerBlock) {
        Map<Long, Long> before = new HashMap<>();
        long total = 0;
        for (var block : new TreeMap<>(rowsPerBlock).entrySet()) {
            before.put(block.getKey(), total);
            total += block.getValue();
        }
        return before;
    }

    private static Object value(org.apache.spark.sql.Row record, int column, boolean list, boolean delimited) {
        if (record.isNullAt(column)) {
            return delimited ? "" : null;
        }
        if (list) {
            List<String> texts = new ArrayList<>();
            for (Object item : record.getList(column)) {
                texts.add(item == null ? null : text(item));
            }
            return texts;
        }
        return text(record.get(column));
    }

    /** A scalar as the engine's Parquet and JSON readers write it. */
    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    private static DataFrameReader reader(SparkSession spark, Format format, ReadOptions options) {
        DataFrameReader reader = spark.read();
        return switch (format) {
            case CSV, TSV -> {
                if (options.header() != null || options.trimValues()) {
                    throw new SnapshotException("the Spark runner reads csv and tsv files with their own header and"
                            + " values as written; read.header and read.trim are not supported on Spark");
                }
                int quote = options.quoteFor(format);
                String quoteText = quote < 0 ? "\u0000" : String.valueOf((char) quote);
                yield reader.format("csv").option("header", "true").option("inferSchema", "false")
                        .option("sep", String.valueOf(options.delimiterFor(format)))
                        .option("quote", quoteText).option("escape", quoteText).option("emptyValue", "");
            }
            case JSON -> reader.format("json").option("multiLine", "true").option("primitivesAsString", "true");
            case JSONL -> reader.format("json").option("primitivesAsString", "true");
            case PARQUET -> reader.format("parquet");
        };
    }
}
