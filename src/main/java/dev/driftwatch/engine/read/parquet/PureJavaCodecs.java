package dev.driftwatch.engine.read.parquet;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompresses Parquet pages in plain Java (aircompressor for Snappy, Zstandard and LZ4, the JDK for gzip),
 * so that reading needs neither Hadoop's codec classes nor native libraries. Read-only: no compressors.
 * Stateless and thread-safe.
 */
public final class PureJavaCodecs implements CompressionCodecFactory {
    public static final PureJavaCodecs INSTANCE = new PureJavaCodecs();

    private PureJavaCodecs() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("Driftwatch reads Parquet files; it does not write them");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        return switch (codecName) {
            case UNCOMPRESSED -> new Block(null, codecName);
            case SNAPPY -> new Block(new SnappyDecompressor(), codecName);
            case ZSTD -> new Block(new ZstdDecompressor(), codecName);
            case LZ4_RAW -> new Block(new Lz4Decompressor(), codecName);
            case GZIP -> new Gzip();
            default -> throw new UnsupportedOperationException("cannot read Parquet pages compressed with "
                    + codecName + ": expected UNCOMPRESSED, SNAPPY, GZIP, ZSTD or LZ4_RAW");
        };
    }

    @Override
    public void release() {
    }

    /** A codec that decompresses one whole page at once into a buffer of the page's known size. */
    private record Block(Decompressor decompressor, CompressionCodecName name) implements WholePageDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (decompressor == null) {
                return bytes;
            }
            byte[] input = bytes.toByteArray();
            byte[] output = new byte[uncompressedSize];
            int n = decompressor.decompress(input, 0, input.length, output, 0, uncompressedSize);
            if (n != uncompressedSize) {
                throw new IOException("expected a " + name + " page of " + uncompressedSize + " bytes but it held " + n);
            }
            return BytesInput.from(output);
        }
    }

    private record Gzip() implements WholePageDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                byte[] output = in.readNBytes(uncompressedSize);
                if (output.length != uncompressedSize) {
                    throw new IOException("expected a GZIP page of " + uncompressedSize + " bytes but it held " + output.length);
                }
                return BytesInput.from(output);
            }
        }
    }

    /** Decompresses a page given as bytes; the buffer form copies the page out and in, and there is nothing to release. */
    private interface WholePageDecompressor extends BytesInputDecompressor {
        @Override
        default void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
        }

        @Override
        default void release() {
        }
    }
}
