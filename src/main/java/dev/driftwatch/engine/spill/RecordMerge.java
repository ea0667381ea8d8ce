package dev.driftwatch.engine.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * The k-way merge of {@link SortedRuns}: sorted sources of fixed-width records (sorted chunks in memory, sorted runs in
 * the temporary file) in a binary heap by their current record, the smallest on top; each step advances the top
 * source and sifts it down once. Not thread-safe.
 */
final class RecordMerge implements SortedRuns.Cursor {
    private final Source[] heap;
    private int size;
    private boolean started;

    RecordMerge(List<Source> sources) {
        heap = new Source[sources.size()];
        for (Source source : sources) {
            if (source.advance()) {
                heap[size++] = source;
            }
        }
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    @Override
    public boolean next() {
        if (started && size > 0) {
            if (!heap[0].advance()) {
                heap[0] = heap[--size];
                heap[size] = null;
            }
            if (size > 0) {
                siftDown(0);
            }
        }
        started = true;
        return size > 0;
    }

    @Override
    public long get(int field) {
        return heap[0].current[field];
    }

    private void siftDown(int at) {
        Source moving = heap[at];
        int i = at;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1].compareTo(heap[child]) < 0) {
                child++;
            }
            if (heap[child].compareTo(moving) >= 0) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = moving;
    }

    /** One sorted source of records: {@link #advance} makes the next record current. */
    abstract static class Source {
        final int width;
        final long[] current;
        /** {@code current[0]}, kept apart: most comparisons are decided by it, without reaching into the arrays. */
        long first;

        Source(int width) {
            this.width = width;
            this.current = new long[width];
        }

        /** False, changing nothing, when the source has no record left. */
        abstract boolean advance();

        int compareTo(Source other) {
            int byFirst = Long.compare(first, other.first);
            if (byFirst != 0) {
                return byFirst;
            }
            for (int f = 1; f < width; f++) {
                int c = Long.compare(current[f], other.current[f]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    /** The first {@code records} records of a sorted chunk. */
    static final class MemorySource extends Source {
        private final long[] chunk;
        private final int records;
        private int next;

        MemorySource(long[] chunk, int records, int width) {
            super(width);
            this.chunk = chunk;
            this.records = records;
        }

        @Override
        boolean advance() {
            if (next == records) {
                return false;
            }
            // a loop, not System.arraycopy: for one to three longs the call costs more than the copy
            int at = next * width;
            for (int f = 0; f < width; f++) {
                current[f] = chunk[at + f];
            }
            first = current[0];
            next++;
            return true;
        }
    }

    /** A sorted run in the temporary file, read through a buffer of its own. */
    static final class RunSource extends Source {
        private final FileChannel channel;
        private final ByteBuffer buffer;
        private long position;
        private long left;

        RunSource(FileChannel channel, long start, long records, int width, int bufferBytes) {
            super(width);
            this.channel = channel;
            this.position = start;
            this.left = records;
            this.buffer = ByteBuffer.allocate(Math.max(bufferBytes / (width * Long.BYTES), 1) * width * Long.BYTES);
            buffer.limit(0);
        }

        @Override
        boolean advance() {
            if (left == 0) {
                return false;
            }
            if (!buffer.hasRemaining()) {
                fill();
            }
            for (int f = 0; f < width; f++) {
                current[f] = buffer.getLong();
            }
            first = current[0];
            left--;
            return true;
        }

        private void fill() {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), left * width * Long.BYTES));
            try {
                while (buffer.hasRemaining()) {
                    int read = channel.read(buffer, position);
                    if (read < 0) {
                        throw new IOException("the temporary file of sorted records ended early");
                    }
                    position += read;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read sorted records back: " + e.getMessage(), e);
            }
            buffer.flip();
        }
    }
}
