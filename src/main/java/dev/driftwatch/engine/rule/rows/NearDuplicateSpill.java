package dev.driftwatch.engine.rule.rows;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The rows of one split for the near-duplicate search, kept in two temporary files rather than on the
 * heap: each row's LSH band keys, and its normalised text for exact verification. Keys are written in
 * blocks of {@value #BLOCK_ROWS} rows, column by column (the rows' text offsets, then band 0, band 1,
 * ...), so that one band of every row reads back in large sequential pieces; a text is its UTF-8 bytes
 * behind a 4-byte length. Disk: 8 bytes per band and row, plus 12 bytes and the text's UTF-8 length per
 * row. Heap, whatever the row count: one block (8 × (bands + 1) × 4,096 bytes, 590 KB with 17 bands,
 * twice over) and a 64 KB text buffer. The files are deleted when closed. Rows are numbered from 0 in
 * the order added; reading is possible after {@link #finish()}. Not thread-safe.
 */
final class NearDuplicateSpill implements Closeable {
    static final int BLOCK_ROWS = 4096;
    private final int bands;
    private final FileChannel keys;
    private final FileChannel texts;
    private final long[] block;
    private final ByteBuffer blockBytes;
    private final ByteBuffer textBuffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.nativeOrder());
    private final ByteBuffer small = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder());
    private int inBlock;
    private int rows;
    private long textEnd;

    NearDuplicateSpill(Path folder, String name, int bands) throws IOException {
        this.bands = bands;
        this.block = new long[(bands + 1) * BLOCK_ROWS];
        this.blockBytes = ByteBuffer.allocate(block.length * Long.BYTES).order(ByteOrder.nativeOrder());
        this.keys = open(folder.resolve(name + ".keys"));
        FileChannel opened;
        try {
            opened = open(folder.resolve(name + ".texts"));
        } catch (IOException e) {
            keys.close();
            throw e;
        }
        this.texts = opened;
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Adds a row: its band keys ({@code bands} of them) and its text. */
    void add(long[] bandKeys, String text) throws IOException {
        if (rows == Integer.MAX_VALUE) {
            throw new IllegalStateException("expected at most " + Integer.MAX_VALUE + " rows in a split but found more");
        }
        block[inBlock] = textEnd;
        for (int band = 0; band < bands; band++) {
            block[(band + 1) * BLOCK_ROWS + inBlock] = bandKeys[band];
        }
        rows++;
        if (++inBlock == BLOCK_ROWS) {
            writeBlock();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (textBuffer.remaining() < Integer.BYTES + bytes.length) {
            flushTexts();
        }
        if (textBuffer.remaining() < Integer.BYTES + bytes.length) {
            small.clear().putInt(bytes.length).flip();
            writeFully(texts, small);
            writeFully(texts, ByteBuffer.wrap(bytes));
        } else {
            textBuffer.putInt(bytes.length).put(bytes);
        }
        textEnd += Integer.BYTES + bytes.length;
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

    /** Reads band {@code band}'s key of every row into {@code into[0 .. size())}. */
    void readBand(int band, long[] into) throws IOException {
        for (int first = 0; first < rows; first += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, rows - first);
            blockBytes.clear().limit(n * Long.BYTES);
            readFully(keys, blockBytes, blockStart(first) + (long) (band + 1) * n * Long.BYTES);
            blockBytes.flip().asLongBuffer().get(into, first, n);
        }
    }

    /** The text of a row. */
    String text(int row) throws IOException {
        small.clear();
        readFully(keys, small, blockStart(row) + (long) (row % BLOCK_ROWS) * Long.BYTES);
        long offset = small.flip().getLong();
        small.clear().limit(Integer.BYTES);
        readFully(texts, small, offset);
        ByteBuffer bytes = ByteBuffer.allocate(small.flip().getInt());
        readFully(texts, bytes, offset + Integer.BYTES);
        return new String(bytes.array(), StandardCharsets.UTF_8);
    }

    /** Where the block holding a row starts: every earlier block is full. */
    private long blockStart(int row) {
        return (long) (row / BLOCK_ROWS) * BLOCK_ROWS * (bands + 1) * Long.BYTES;
    }

    private void writeBlock() throws IOException {
        blockBytes.clear();
        LongBuffer longs = blockBytes.asLongBuffer();
        for (int column = 0; column <= bands; column++) {
            longs.put(block, column * BLOCK_ROWS, inBlock);
        }
        blockBytes.limit(longs.position() * Long.BYTES);
        writeFully(keys, blockBytes);
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
        try {
            try {
                keys.close();
            } finally {
                texts.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
