package dev.driftwatch.engine.read.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet file on the local disk, read through a file channel (no Hadoop file system). */
public final class LocalParquetFile implements InputFile {
    private final Path path;

    public LocalParquetFile(Path path) {
        this.path = path;
    }

    @Override
    public long getLength() throws IOException {
        return java.nio.file.Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
            @Override
            public long getPos() throws IOException {
                return channel.position();
            }

            @Override
            public void seek(long position) throws IOException {
                channel.position(position);
            }

            @Override
            public int read(ByteBuffer buffer) throws IOException {
                return channel.read(buffer);
            }

            @Override
            public void readFully(ByteBuffer buffer) throws IOException {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        throw new java.io.EOFException("reached the end of " + path + " with "
                                + buffer.remaining() + " bytes still to read");
                    }
                }
            }
        };
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
