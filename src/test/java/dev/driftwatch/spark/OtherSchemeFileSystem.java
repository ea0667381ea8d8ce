package dev.driftwatch.spark;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk as a Hadoop file system of another scheme, {@code dwtest:}: a stand-in for {@code hdfs:} or
 * {@code s3a:} that java.nio cannot open, so whatever reads through it went through Hadoop's {@code FileSystem}.
 */
public class OtherSchemeFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "dwtest";
    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileStatus getFileStatus(Path file) throws IOException {
        return plain(super.getFileStatus(file));
    }

    @Override
    public FileStatus[] listStatus(Path folder) throws IOException {
        FileStatus[] found = super.listStatus(folder);
        for (int i = 0; i < found.length; i++) {
            found[i] = plain(found[i]);
        }
        return found;
    }

    /** The status without the local file system's permission lookup, which opens paths as file: URIs. */
    private static FileStatus plain(FileStatus status) {
        return new FileStatus(status.getLen(), status.isDirectory(), 1, status.getBlockSize(),
                status.getModificationTime(), status.getPath());
    }

    @Override
    public FSDataInputStream open(Path file, int bufferSize) throws IOException {
        OPENED.incrementAndGet();
        return super.open(file, bufferSize);
    }
}
