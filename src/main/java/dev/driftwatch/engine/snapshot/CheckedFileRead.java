package dev.driftwatch.engine.snapshot;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One read of a snapshot file that proves what it read: the raw bytes (before any decompression) pass
 * through a SHA-256 and a counter on their way to the parser, and the file's size and modification time
 * are compared before the read, after it, and with the bytes counted. The baseline is the size and time
 * the snapshot was found with ({@link SnapshotFile#modifiedAt()}), or those at the start of the read when
 * that is unknown. Not thread-safe: one reader thread.
 */
public final class CheckedFileRead implements Closeable {
    private final SnapshotFile file;
    private final FileStamp before;
    private final InputStream channel;
    private final MessageDigest digest = ContentFingerprint.sha256();
    private long count;

    private CheckedFileRead(SnapshotFile file, FileStamp before, InputStream channel) {
        this.file = file;
        this.before = before;
        this.channel = channel;
    }

    /**
     * @throws java.nio.file.NoSuchFileException when the file is gone
     * @throws SnapshotException when it changed since the snapshot was found
     */
    public static CheckedFileRead open(SnapshotFile file) throws IOException {
        FileStamp now = FileStamp.of(file.path());
        FileStamp before = file.modifiedAt() == null ? now : new FileStamp(file.bytes(), file.modifiedAt());
        var read = new CheckedFileRead(file, before, Files.newInputStream(file.path()));
        if (!now.equals(before)) {
            read.close();
            throw read.changed(now, now.bytes());
        }
        return read;
    }

    /** The file's raw bytes. Closing it does nothing: the read stays open for {@link #finish()}. */
    public InputStream stream() {
        return new FilterInputStream(channel) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    digest.update((byte) b);
                    count++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    digest.update(buffer, offset, n);
                    count += n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                int length = (int) Math.min(Math.max(n, 0), 1 << 16);
                return Math.max(0, read(new byte[length], 0, length));
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Reads what the parser left unread to the end of the file, and checks that the file is as it was.
     *
     * @return the hex SHA-256 of every byte read
     * @throws SnapshotException when the file changed while it was read
     */
    public String finish() throws IOException {
        stream().transferTo(java.io.OutputStream.nullOutputStream());
        FileStamp after = FileStamp.of(file.path());
        if (!after.equals(before) || count != before.bytes()) {
            throw changed(after, count);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * For a read that failed: when the file changed meanwhile, that is the cause to report.
     *
     * @throws SnapshotException when the file changed since the baseline
     */
    public void requireUnchanged() {
        FileStamp after;
        try {
            after = FileStamp.of(file.path());
        } catch (IOException e) {
            throw new SnapshotException("the file changed while it was read: " + file.path() + " (it is gone)", e);
        }
        if (!after.equals(before)) {
            throw changed(after, after.bytes());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private SnapshotException changed(FileStamp after, long bytesRead) {
        long size = after.bytes() != before.bytes() ? after.bytes() : bytesRead;
        return new SnapshotException("the file changed while it was read: " + file.path() + " (size " + before.bytes()
                + " -> " + size + ", modified " + before.modifiedAt() + " -> " + after.modifiedAt() + ")");
    }
}
