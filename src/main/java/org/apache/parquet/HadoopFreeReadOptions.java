package org.apache.parquet;

import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Parquet 1.16's read options without Hadoop: its {@code ParquetReadOptions.Builder} loads Hadoop's
 * {@code FileInputFormat} (for the record filter) even with a plain configuration, so the options are built with
 * the package's own constructor, with the builder's defaults, no filter and the given codecs. In Parquet's package
 * because that constructor is package-private.
 */
public final class HadoopFreeReadOptions {
    private static final int MAX_ALLOCATION_SIZE = 8 * 1024 * 1024;

    private HadoopFreeReadOptions() {
    }

    public static ParquetReadOptions of(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(false, true, true, true, true, false, true, false, false, FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(), MAX_ALLOCATION_SIZE,
                Map.of(), null, null, new PlainParquetConfiguration());
    }
}
