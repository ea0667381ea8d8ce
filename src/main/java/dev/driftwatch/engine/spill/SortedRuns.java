package dev.driftwatch.engine.spill;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Records of a fixed number of longs, handed back in order (of their first long, then their second, ...) in bounded
 * memory. Records are kept in fixed-size chunks of {@code long[]} (8,192 records each), each taken from a {@link
 * MemoryBudget} that other buffers may share. Each chunk is sorted on its own, in place and without an object per
 * record ({@link RecordSort}), and the chunks are merged k-way (at a million records twice as fast as one sort across
 * the chunks for one long, a little faster for two or three: BENCHMARKS.md). When the budget has no room for another
 * chunk, the merged chunks are written as a sorted run to one temporary file in the folder given (by default {@code
 * java.io.tmpdir}), and all chunks but one are given back. {@link #sorted()} merges the chunks when nothing was
 * written; else it writes the rest as a last run, gives every chunk back and merges the runs, through a read buffer
 * per run taken from what the budget has free (4 to 64 KiB each); when the free bytes cannot give every run 4 KiB,
 * runs are first merged into longer ones, as many at a time as fit (an external merge sort in several passes, each
 * appending to the same file). So a buffer never holds more than one chunk beyond its share of the budget, plus, for
 * records of two or more longs, a chunk of scratch space to sort in (and a write buffer of 64 KiB while it writes a
 * run). The bytes are given back and the file deleted when this is closed, or, failing that, when it is no longer
 * reachable. Not thread-safe.
 */
public final class SortedRuns implements Closeable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int CHUNK_RECORDS = 1 << 13;
    private static final int MIN_READ_BUFFER = 4096;
    private static final int MAX_READ_BUFFER = 1 << 16;
    private static final int WRITE_BUFFER = 1 << 16;
    /** Runs merged at once at most: beyond, runs are first merged into longer ones, so few reads are short. */
    private static final int MAX_FAN_IN = 256;

    private final int width;
    private final long chunkBytes;
    private final MemoryBudget budget;
    private final Path folder;
    private final RecordSort recordSort;
    private final List<long[]> chunks = new ArrayList<>();
    private final List<long[]> runs = new ArrayList<>();
    private final Held held;
    private final Cleaner.Cleanable cleanable;
    private long inMemory;
    private int spilled;
    private long size;
    private boolean sorting;

    /**
     * A buffer with a budget of its own.
     *
     * @param width  longs per record (at least 1)
     * @param budget bytes of records kept in memory before a run is written (at least one chunk is always kept)
     * @param folder where the temporary file goes; null for {@code java.io.tmpdir}
     */
    public SortedRuns(int width, long budget, Path folder) {
        this(width, new MemoryBudget(budget), folder);
    }

    /**
     * @param width  longs per record (at least 1)
     * @param budget where the chunks' bytes come from, possibly shared with other buffers
     * @param folder where the temporary file goes; null for {@code java.io.tmpdir}
     */
    public SortedRuns(int width, MemoryBudget budget, Path folder) {
        if (width < 1) {
            throw new IllegalArgumentException("expected at least 1 long per record but found " + width);
        }
        this.width = width;
        this.chunkBytes = chunkBytes(width);
        this.budget = budget;
        this.folder = folder;
        this.recordSort = new RecordSort(width);
        this.held = new Held(budget);
        this.cleanable = CLEANER.register(this, held);
    }

    /** The bytes of one chunk of records of the given width: what a buffer may hold beyond a shared budget. */
    public static long chunkBytes(int width) {
        return (long) CHUNK_RECORDS * width * Long.BYTES;
    }

    public void add(long a) {
        long[] chunk = slot();
        chunk[offset(inMemory)] = a;
        inMemory++;
        size++;
    }

    public void add(long a, long b) {
        long[] chunk = slot();
        int at = offset(inMemory);
        chunk[at] = a;
        chunk[at + 1] = b;
        inMemory++;
        size++;
    }

    public void add(long a, long b, long c) {
        long[] chunk = slot();
        int at = offset(inMemory);
        chunk[at] = a;
        chunk[at + 1] = b;
        chunk[at + 2] = c;
        inMemory++;
        size++;
    }

    /** Records added. */
    public long size() {
        return size;
    }

    /** Sorted runs written to the temporary file while records were added. */
    public int runs() {
        return spilled;
    }

    /**
     * Every record added, in order; adding is no longer possible. The cursor reads the temporary file: close
     * this when done with it.
     */
    public Cursor sorted() {
        if (sorting) {
            throw new IllegalStateException("expected one pass over the sorted records but found a second");
        }
        sorting = true;
        if (runs.isEmpty()) {
            sortInMemory();
            return new RecordMerge(memorySources());
        }
        try {
            if (inMemory > 0) {
                spill();
            }
            held.give(chunks.size() * chunkBytes);
            chunks.clear();
            long free = Math.max(0, budget.limit() - budget.inUse());
            int fanIn = (int) Math.max(2, Math.min(MAX_FAN_IN, free / MIN_READ_BUFFER - 1));
            while (runs.size() > fanIn) {
                mergeIntoOneRun(fanIn, readBuffer(free, fanIn + 1));
            }
            int buffer = readBuffer(free, runs.size());
            held.takeFirst((long) buffer * runs.size());
            List<RecordMerge.Source> sources = new ArrayList<>();
            for (long[] run : runs) {
                sources.add(new RecordMerge.RunSource(held.channel, run[0], run[1], width, buffer));
            }
            return new RecordMerge(sources);
        } catch (IOException e) {
            throw new UncheckedIOException("could not merge sorted records in a temporary file in "
                    + (folder == null ? System.getProperty("java.io.tmpdir") : folder) + ": " + e.getMessage(), e);
        }
    }

    /** An equal share of the free bytes for each of {@code buffers} buffers, between 4 and 64 KiB, whole records. */
    private int readBuffer(long free, int buffers) {
        long share = Math.max(MIN_READ_BUFFER, Math.min(MAX_READ_BUFFER, free / buffers));
        long record = (long) width * Long.BYTES;
        return (int) (Math.max(1, share / record) * record);
    }

    /** Merges the first {@code count} runs into one run at the end of the file, through buffers of the given size. */
    private void mergeIntoOneRun(int count, int buffer) throws IOException {
        held.takeFirst((long) buffer * (count + 1));
        try {
            List<RecordMerge.Source> sources = new ArrayList<>();
            for (long[] run : runs.subList(0, count)) {
                sources.add(new RecordMerge.RunSource(held.channel, run[0], run[1], width, buffer));
            }
            FileChannel channel = held.channel;
            long start = channel.size();
            long records = writeMerged(new RecordMerge(sources), channel, start, ByteBuffer.allocate(buffer));
            runs.subList(0, count).clear();
            runs.add(new long[]{start, records});
        } finally {
            held.give((long) buffer * (count + 1));
        }
    }

    /** Writes the merged records at {@code at} through the buffer; returns how many were written. */
    private long writeMerged(RecordMerge merge, FileChannel channel, long at, ByteBuffer out) throws IOException {
        long records = 0;
        while (merge.next()) {
            if (out.remaining() < width * Long.BYTES) {
                at = write(channel, out, at);
            }
            for (int f = 0; f < width; f++) {
                out.putLong(merge.get(f));
            }
            records++;
        }
        write(channel, out, at);
        return records;
    }

    /** Writes what the buffer holds at {@code at}; returns where the next write goes, the buffer emptied. */
    private static long write(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
        bytes.flip();
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
        bytes.clear();
        return at;
    }

    /** Gives the chunks back to the budget and deletes the temporary file; adding is no longer possible. */
    @Override
    public void close() {
        sorting = true;
        cleanable.clean();
        chunks.clear();
    }

    /** Records in order; {@link #get} reads a field of the current one. */
    public interface Cursor {
        boolean next();

        long get(int field);
    }

    private long[] slot() {
        if (sorting) {
            throw new IllegalStateException("expected records before the sorted pass but found one after");
        }
        int chunk = (int) (inMemory / CHUNK_RECORDS);
        if (chunk == chunks.size()) {
            if (chunks.isEmpty()) {
                held.takeFirst(chunkBytes);
            } else if (!held.tryTake(chunkBytes)) {
                spill();
                spilled++;
                return chunks.get(0);
            }
            chunks.add(new long[CHUNK_RECORDS * width]);
        }
        return chunks.get(chunk);
    }

    private int offset(long record) {
        return (int) (record % CHUNK_RECORDS) * width;
    }

    /**
     * Sorts each chunk on its own (a chunk's records are contiguous in one array, so the sort stays in the cache and
     * needs no chunk lookup per comparison); the chunks are then merged as sorted sources.
     */
    private void sortInMemory() {
        for (int c = 0; (long) c * CHUNK_RECORDS < inMemory; c++) {
            recordSort.sort(chunks.get(c), recordsIn(c));
        }
    }

    private int recordsIn(int chunk) {
        return (int) Math.min(CHUNK_RECORDS, inMemory - (long) chunk * CHUNK_RECORDS);
    }

    private List<RecordMerge.Source> memorySources() {
        List<RecordMerge.Source> sources = new ArrayList<>();
        for (int c = 0; (long) c * CHUNK_RECORDS < inMemory; c++) {
            sources.add(new RecordMerge.MemorySource(chunks.get(c), recordsIn(c), width));
        }
        return sources;
    }

    /** Sorts the records in memory and appends them to the file as one run. */
    private void spill() {
        sortInMemory();
        try {
            FileChannel channel = held.open(folder);
            long start = channel.size();
            writeMerged(new RecordMerge(memorySources()), channel, start, ByteBuffer.allocate(WRITE_BUFFER));
            runs.add(new long[]{start, inMemory});
            inMemory = 0;
            held.give((chunks.size() - 1) * chunkBytes);
            chunks.subList(1, chunks.size()).clear();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write sorted records to a temporary file in "
                    + (folder == null ? System.getProperty("java.io.tmpdir") : folder) + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a buffer holds beyond its fields: the budget's bytes and the temporary file, opened on the first run. Also
     * the cleaning action, so it must not refer to its owner.
     */
    private static final class Held implements Runnable {
        private final MemoryBudget budget;
        private long bytes;
        private FileChannel channel;
        private Path path;

        Held(MemoryBudget budget) {
            this.budget = budget;
        }

        void takeFirst(long chunk) {
            budget.take(chunk);
            bytes += chunk;
        }

        boolean tryTake(long chunk) {
            if (!budget.tryTake(chunk)) {
                return false;
            }
            bytes += chunk;
            return true;
        }

        void give(long given) {
            budget.give(given);
            bytes -= given;
        }

        FileChannel open(Path folder) throws IOException {
            if (channel == null) {
                Path dir = folder == null ? Path.of(System.getProperty("java.io.tmpdir")) : folder;
                path = Files.createTempFile(dir, "driftwatch-sorted-", ".runs");
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            }
            return channel;
        }

        @Override
        public void run() {
            give(bytes);
            try {
                if (channel != null) {
                    channel.close();
                }
                if (path != null) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                // the file is in the temporary folder, where the system clears it in time
            }
        }
    }
}
