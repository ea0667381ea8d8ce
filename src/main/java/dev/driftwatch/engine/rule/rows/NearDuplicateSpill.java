package dev.driftwatch.engine.rule.rows;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The rows of one split for the near-duplicate search, kept in temporary files rather than on the heap: one file
 * per column of 8-byte values (the rows' text offsets, each band's LSH keys, then the texts' hashes), so that one band
 * of every row reads back as one sequential file, and a file of texts for exact verification. A text's hash is that of
 * the values it joins (the normalised inputs' fingerprint): two rows with equal hashes have the same text, whose
 * similarity is 1 without reading it. Keys stay 64-bit: their high 32 bits alone would halve the key files but, at
 * 100M rows, add about ten million candidates that verification rejects after reading their texts at random, 3.4
 * minutes more (BENCHMARKS.md, session 21). A text is its bytes behind its
 * row's 8-byte location ({@link RowLocations}) and a 4-byte length, each UTF-16 code unit in 1 to 3 bytes as UTF-8
 * writes it (CESU-8: a character outside the Basic Multilingual Plane takes 6 bytes, and an unpaired surrogate
 * survives, so every text reads back exactly). Disk: 8 bytes per band and row, plus 28 bytes and the text's encoded
 * length per row. Heap, whatever the row count: a block of {@value #BLOCK_ROWS} rows' values (8 × (bands + 2) ×
 * 4,096 bytes, 622 KB with 17 bands), a 32 KB write buffer, a 64 KB text buffer, and per {@link Reader} 41 KB to
 * 105 KB. The files are deleted when closed. Rows are numbered from 0 in the order added; reading is possible after
 * {@link #finish()}, adding no longer. Not thread-safe, but for its {@link Reader}s, one per thread.
 */
final class NearDuplicateSpill implements Closeable {
    static final int BLOCK_ROWS = 4096;
    /** Before each text: its row's location and its encoded length. */
    private static final int HEAD = Long.BYTES + Integer.BYTES;
    private final int bands;
    /** Column 0: each row's text offset; column 1 + b: band b's keys; column 1 + bands: the texts' hashes. */
    private final FileChannel[] columns;
    private final FileChannel texts;
    private final long[] block;
    private final ByteBuffer columnBytes = ByteBuffer.allocate(BLOCK_ROWS * Long.BYTES).order(ByteOrder.nativeOrder());
    private final ByteBuffer textBuffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
    private Reader reader;
    private int inBlock;
    private int rows;
    private long textEnd;

    NearDuplicateSpill(Path folder, String name, int bands) throws IOException {
        this.bands = bands;
        this.block = new long[(bands + 2) * BLOCK_ROWS];
        this.columns = new FileChannel[bands + 2];
        try {
            for (int column = 0; column < columns.length; column++) {
                columns[column] = open(folder.resolve(name + ".column-" + column));
            }
            this.texts = open(folder.resolve(name + ".texts"));
        } catch (IOException e) {
            try {
                closeAll(columns);
            } catch (UncheckedIOException alsoFailed) {
                e.addSuppressed(alsoFailed.getCause());
            }
            throw e;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /**
     * Adds a row: its band keys ({@code bands} of them), its location, its text (the first {@code length} characters)
     * and the text's hash.
     */
    void add(long[] bandKeys, long location, char[] text, int length, long textHash) throws IOException {
        if (rows == Integer.MAX_VALUE) {
            throw new IllegalStateException("expected at most " + Integer.MAX_VALUE + " rows in a split but found more");
        }
        block[inBlock] = textEnd;
        for (int band = 0; band < bands; band++) {
            block[(band + 1) * BLOCK_ROWS + inBlock] = bandKeys[band];
        }
        block[(bands + 1) * BLOCK_ROWS + inBlock] = textHash;
        rows++;
        if (++inBlock == BLOCK_ROWS) {
            writeBlock();
        }
        int most = HEAD + length * 3;
        if (textBuffer.remaining() < most) {
            flushTexts();
        }
        int written;
        if (textBuffer.remaining() < most) {
            byte[] bytes = new byte[most];
            written = encode(text, length, bytes, HEAD);
            ByteBuffer.wrap(bytes, 0, written).order(ByteOrder.nativeOrder()).putLong(0, location)
                    .putInt(Long.BYTES, written - HEAD);
            writeFully(texts, ByteBuffer.wrap(bytes, 0, written));
        } else {
            int at = textBuffer.position();
            int end = encode(text, length, textBuffer.array(), at + HEAD);
            written = end - at;
            textBuffer.putLong(at, location).putInt(at + Long.BYTES, written - HEAD).position(end);
        }
        textEnd += written;
    }

    /** Writes what is still buffered; call once, after the last row and before reading. */
    void finish() throws IOException {
        if (inBlock > 0) {
            writeBlock();
        }
        flushTexts();
    }

    int size() {
        return rows;
    }

    /** Receives the rows' keys of one band. */
    interface KeyVisitor {
        void visit(int row, long key);
    }

    /** Hands band {@code band}'s key of every row to the visitor, in row order (this spill's own {@link Reader}). */
    void readBand(int band, KeyVisitor visitor) throws IOException {
        ownReader().readBand(band, visitor);
    }

    /** The location of a row, as given to {@link #add}. */
    long location(int row) throws IOException {
        return ownReader().location(row);
    }

    /** The text of a row. */
    String text(int row) throws IOException {
        return ownReader().text(row);
    }

    private Reader ownReader() {
        if (reader == null) {
            reader = reader();
        }
        return reader;
    }

    /** A reader with buffers of its own: readers of one finished spill may be used on different threads at once. */
    Reader reader() {
        return new Reader();
    }

    /**
     * Reads the finished spill by positional reads, which {@link FileChannel} allows from several threads at once.
     * Texts are read with their exact length, which the next row's text offset gives; offsets and texts' hashes are
     * read 512 at a time and kept, so rows read in order (the earlier split's, in verification) cost one read each.
     * Heap: one band of a block of keys (32 KB), a block of offsets and one of hashes (4 KB each) and a text buffer
     * (1 KB, or the longest text read up to 64 KB). Not thread-safe: one per thread.
     */
    final class Reader {
        /** A longer text is read into a buffer of its own, so that no reader keeps a large one. */
        private static final int KEPT_TEXT_BUFFER = 1 << 16;
        private final long[] keysOfBand = new long[BLOCK_ROWS];
        private final ByteBuffer keyBytes = ByteBuffer.allocate(BLOCK_ROWS * Long.BYTES).order(ByteOrder.nativeOrder());
        private final ByteBuffer small = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder());
        private final KeptBlock offsets = new KeptBlock(columns[0]);
        private final KeptBlock textHashes = new KeptBlock(columns[bands + 1]);
        private ByteBuffer textBytes = ByteBuffer.allocate(1024).order(ByteOrder.nativeOrder());

        private Reader() {
        }

        /** Hands band {@code band}'s key of every row to the visitor, in row order. */
        void readBand(int band, KeyVisitor visitor) throws IOException {
            for (int first = 0; first < rows; first += BLOCK_ROWS) {
                int n = readValues(columns[band + 1], keyBytes, first, keysOfBand);
                for (int i = 0; i < n; i++) {
                    visitor.visit(first + i, keysOfBand[i]);
                }
            }
        }

        /** The location of a row, as given to {@link #add}. */
        long location(int row) throws IOException {
            long offset = offsets.get(row);
            small.clear();
            readFully(texts, small, offset);
            return small.flip().getLong();
        }

        /** The hash of a row's text, as given to {@link #add}. */
        long textHash(int row) throws IOException {
            return textHashes.get(row);
        }

        /** The text of a row. */
        String text(int row) throws IOException {
            long offset = offsets.get(row);
            long end = row + 1 < rows ? offsets.get(row + 1) : textEnd;
            int bytes = (int) (end - offset);
            ByteBuffer buffer = textBytes;
            if (buffer.capacity() < bytes) {
                buffer = ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
                if (bytes <= KEPT_TEXT_BUFFER) {
                    textBytes = buffer;
                }
            }
            buffer.clear().limit(bytes);
            readFully(texts, buffer, offset);
            int length = buffer.getInt(Long.BYTES);
            if (length != bytes - HEAD) {
                throw new IOException("expected a text of " + (bytes - HEAD) + " bytes for row " + row + " but its "
                        + "length reads " + length + ": the temporary file was changed");
            }
            return decode(buffer.array(), HEAD, length);
        }
    }

    /** One column's values of {@value #KEPT_ROWS} rows at a time, read when a row outside them is asked for. */
    private final class KeptBlock {
        private static final int KEPT_ROWS = 512;
        private final FileChannel column;
        private final long[] values = new long[KEPT_ROWS];
        private final ByteBuffer bytes = ByteBuffer.allocate(KEPT_ROWS * Long.BYTES).order(ByteOrder.nativeOrder());
        private int from = -1;
        private int kept;

        KeptBlock(FileChannel column) {
            this.column = column;
        }

        long get(int row) throws IOException {
            if (row < from || row >= from + kept) {
                int first = row - row % KEPT_ROWS;
                kept = readValues(column, bytes, first, values);
                from = first;
            }
            return values[row - from];
        }
    }

    /**
     * Writes each UTF-16 code unit of the text (its first {@code length} characters) as UTF-8 encodes a code point
     * below U+10000, from {@code bytes[from]} on (room for 3 bytes a unit); returns {@code from} plus the bytes written.
     */
    static int encode(char[] text, int length, byte[] bytes, int from) {
        int n = from;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xC0 | c >> 6);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                bytes[n++] = (byte) (0xE0 | c >> 12);
                bytes[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }

    /** The text {@link #encode} wrote into {@code bytes[from .. from + length)}. */
    static String decode(byte[] bytes, int from, int length) {
        char[] chars = new char[length];
        int n = 0;
        for (int i = from; i < from + length; ) {
            int b = bytes[i++] & 0xFF;
            if (b < 0x80) {
                chars[n++] = (char) b;
            } else if (b < 0xE0) {
                chars[n++] = (char) ((b & 0x1F) << 6 | bytes[i++] & 0x3F);
            } else {
                chars[n++] = (char) ((b & 0x0F) << 12 | (bytes[i++] & 0x3F) << 6 | bytes[i++] & 0x3F);
            }
        }
        return new String(chars, 0, n);
    }

    private void writeBlock() throws IOException {
        for (int column = 0; column < columns.length; column++) {
            columnBytes.clear();
            columnBytes.asLongBuffer().put(block, column * BLOCK_ROWS, inBlock);
            columnBytes.limit(inBlock * Long.BYTES);
            writeFully(columns[column], columnBytes);
        }
        inBlock = 0;
    }

    private void flushTexts() throws IOException {
        textBuffer.flip();
        writeFully(texts, textBuffer);
        textBuffer.clear();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Reads a column's values from row {@code first} on into {@code values}, as many as it holds or as rows are left,
     * through {@code bytes} (at least as long); returns how many.
     */
    private int readValues(FileChannel column, ByteBuffer bytes, int first, long[] values) throws IOException {
        int n = Math.min(values.length, rows - first);
        bytes.clear().limit(n * Long.BYTES);
        readFully(column, bytes, (long) first * Long.BYTES);
        bytes.flip().asLongBuffer().get(values, 0, n);
        return n;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new EOFException("expected " + buffer.remaining() + " more bytes at " + position + " but found the end");
            }
            position += read;
        }
    }

    @Override
    public void close() {
        FileChannel[] files = Arrays.copyOf(columns, columns.length + 1);
        files[columns.length] = texts;
        closeAll(files);
    }

    /** Closes every file given (null ones skipped), and throws the first failure after trying them all. */
    private static void closeAll(FileChannel[] files) {
        IOException failure = null;
        for (FileChannel file : files) {
            try {
                if (file != null) {
                    file.close();
                }
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }
}
