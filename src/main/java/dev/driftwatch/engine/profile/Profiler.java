package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.data.RunDeadline;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SplitNames;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.read.DecompressedBytes;
import dev.driftwatch.engine.read.FileRowReader;
import dev.driftwatch.engine.read.ReadOptions;
import dev.driftwatch.engine.read.ReadProblem;
import dev.driftwatch.engine.read.RowReader;
import dev.driftwatch.engine.read.RowSink;
import dev.driftwatch.engine.snapshot.CheckedFileRead;
import dev.driftwatch.engine.snapshot.ContentFingerprint;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Profiles a snapshot in one streaming pass over its files, which also computes their SHA-256 and proves they
 * did not change meanwhile ({@link CheckedFileRead}): the calling thread reads and parses, worker
 * threads accumulate (see {@link LanePipeline}: the result does not depend on the thread count). Also hands
 * every row to each of the given row consumers, in file order, on threads the consumers share. Memory is
 * bounded by the sketches plus the row fingerprints (duplicates) in the run's {@code row_memory}, which they share
 * with the row checks' sorted buffers (beyond it sorted runs go to the temporary folder). Thread-safe: keeps no state
 * between calls.
 */
public final class Profiler {
    private final int threads;

    /** A profiler with one worker per available processor. */
    public Profiler() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** @param threads worker threads (at least 1); the result is the same for any value */
    public Profiler(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("expected at least 1 thread but found " + threads);
        }
        this.threads = threads;
    }

    /**
     * The profile of a snapshot; see {@link #read}.
     *
     * @throws SnapshotException when a file is missing, unreadable or changed while it was read, or more rows are
     *                           bad than the dataset allows
     */
    public SnapshotProfile profile(DatasetDefinition dataset, Snapshot snapshot, ProfileRequest request,
                                   List<Consumer<Row>> rowConsumers) {
        return read(dataset, snapshot, request, rowConsumers).profile();
    }

    /**
     * Reads a snapshot once: its profile, and the SHA-256 of the bytes parsed ({@link CheckedFileRead}), so
     * what is evaluated is what is fingerprinted.
     *
     * @throws SnapshotException when a file is missing, unreadable or changed while it was read, or more rows are
     *                           bad than the dataset allows
     */
    public ProfiledSnapshot read(DatasetDefinition dataset, Snapshot snapshot, ProfileRequest request,
                                 List<Consumer<Row>> rowConsumers) {
        return read(dataset, snapshot, request, rowConsumers, List.of());
    }

    /**
     * As {@link #read(DatasetDefinition, Snapshot, ProfileRequest, List)}, and attaches the given derivations to
     * every row, once, on the profiling threads, before the row consumers see it.
     */
    public ProfiledSnapshot read(DatasetDefinition dataset, Snapshot snapshot, ProfileRequest request,
                                 List<Consumer<Row>> rowConsumers, List<RowDerivation<?>> derivations) {
        return read(dataset, snapshot, request, rowConsumers, derivations, RunDeadline.NONE,
                new MemoryBudget(dataset.rowMemory()));
    }

    /**
     * As {@link #read(DatasetDefinition, Snapshot, ProfileRequest, List, List)}, stops reading once the deadline
     * is past, and keeps the row fingerprints in the run's row memory.
     *
     * @param rowMemory the run's {@code row_memory}, shared with the sorted buffers of its row checks
     * @throws dev.driftwatch.engine.data.RunCancelledException when the deadline passed during the read
     */
    public ProfiledSnapshot read(DatasetDefinition dataset, Snapshot snapshot, ProfileRequest request,
                                 List<Consumer<Row>> rowConsumers, List<RowDerivation<?>> derivations,
                                 RunDeadline deadline, MemoryBudget rowMemory) {
        SplitPolicy policy = dataset.splits();
        String splitColumn = policy.kind() == SplitPolicy.Kind.COLUMN ? policy.column() : null;
        var pipeline = new LanePipeline(request, threads, splitColumn, rowConsumers, derivations, rowMemory);
        var reads = new ReadCounter();
        var splitNames = new SplitNames();
        RowSink sink = new RowSink() {
            @Override
            public void accept(Row row) {
                Row placed = splitNames.place(row, splitColumn);
                if (++reads.read % RunDeadline.ROWS_PER_CHECK == 0) {
                    deadline.check();
                }
                pipeline.accept(placed);
            }

            @Override
            public void reject(ReadProblem problem) {
                reads.reject(problem);
                deadline.check();
            }

            @Override
            public void linesRead(long lines) {
                reads.lines(lines);
            }
        };
        LanePipeline.Result result;
        List<SnapshotFile> readFiles = new ArrayList<>();
        var decompressed = new DecompressedBytes(dataset.readOptions().limits().maxDecompressedBytes());
        try {
            for (SnapshotFile file : snapshot.files()) {
                deadline.check();
                readFiles.add(file.read(read(file, dataset.readOptions(), decompressed, sink)));
            }
            result = pipeline.finish();
        } catch (RuntimeException | Error e) {
            pipeline.abort();
            throw e;
        }
        ReadReport report = reads.report();
        if (report.rejectedShare() > dataset.maxBadRowShare()) {
            throw new SnapshotException(String.format(
                    "%d of %d rows of snapshot %s could not be read (more than the allowed %.1f%%); first problem: %s",
                    report.rowsRejected(), report.rowsRead() + report.rowsRejected(), snapshot.id(),
                    dataset.maxBadRowShare() * 100, report.examples().isEmpty() ? "none" : report.examples().get(0)));
        }
        var profile = new SnapshotProfile(result.state(), report, result.duplicates(),
                TagSettings.of(dataset.vocabulary(), request.vocabulary().orElse(null)));
        return new ProfiledSnapshot(snapshot.read(readFiles, ContentFingerprint.of(dataset.layout().kind(), readFiles)),
                profile, result.profiling(), result.consumers());
    }

    /**
     * Profiles rows already in memory (tests, and callers that read rows themselves) as one snapshot; each
     * row's split is {@link Row#split()}.
     *
     * @param vocabulary the tag vocabulary declaration (minimum frequency, excluded tags), or null
     */
    public SnapshotProfile profile(Iterable<Row> rows, ProfileRequest request, VocabularyDeclaration vocabulary) {
        return profile(rows, request, vocabulary, new MemoryBudget(DatasetDefinition.DEFAULT_ROW_MEMORY));
    }

    /**
     * As {@link #profile(Iterable, ProfileRequest, VocabularyDeclaration)}, with the row fingerprints in the given row
     * memory.
     */
    public SnapshotProfile profile(Iterable<Row> rows, ProfileRequest request, VocabularyDeclaration vocabulary,
                                   MemoryBudget rowMemory) {
        return profile(rows, request, vocabulary, rowMemory, null);
    }

    /**
     * As {@link #profile(Iterable, ProfileRequest, VocabularyDeclaration, MemoryBudget)}, for rows whose split a column
     * names: as {@link #read} does, that column is left out of the row fingerprints, so a row copied into another split
     * counts as a duplicate.
     *
     * @param splitColumn the dataset's split column ({@code splits: {by: column}}), or null
     */
    public SnapshotProfile profile(Iterable<Row> rows, ProfileRequest request, VocabularyDeclaration vocabulary,
                                   MemoryBudget rowMemory, String splitColumn) {
        var pipeline = new LanePipeline(request, threads, splitColumn, List.of(), List.of(), rowMemory);
        long count = 0;
        for (Row row : rows) {
            pipeline.accept(row);
            count++;
        }
        LanePipeline.Result result = pipeline.finish();
        return new SnapshotProfile(result.state(), new ReadReport(count, 0, java.util.Map.of(), List.of()),
                result.duplicates(), TagSettings.of(vocabulary, request.vocabulary().orElse(null)));
    }

    /**
     * Reads a snapshot's rows again as {@link #read} handed them to its row consumers (each placed in its split,
     * numbered from 0 in the same order), handing each to the visitor until it returns false. For the few rows a row
     * check names in evidence, which it does not keep during the profiling pass.
     *
     * @throws SnapshotException when a file is missing, unreadable or changed since it was profiled
     */
    public void reread(DatasetDefinition dataset, Snapshot snapshot, RowVisitor visitor) {
        SplitPolicy policy = dataset.splits();
        String splitColumn = policy.kind() == SplitPolicy.Kind.COLUMN ? policy.column() : null;
        var decompressed = new DecompressedBytes(dataset.readOptions().limits().maxDecompressedBytes());
        var splitNames = new SplitNames();
        RowSink sink = new RowSink() {
            private long number;

            @Override
            public void accept(Row row) {
                Row placed = splitNames.place(row, splitColumn);
                if (!visitor.visit(number++, placed)) {
                    throw new EnoughRows();
                }
            }

            @Override
            public void reject(ReadProblem problem) {
            }
        };
        try {
            for (SnapshotFile file : snapshot.files()) {
                read(file, dataset.readOptions(), decompressed, sink);
            }
        } catch (EnoughRows enough) {
            // the visitor has every row it wanted
        }
    }

    /** Receives the rows of {@link #reread}. */
    public interface RowVisitor {
        /** @return whether to go on reading */
        boolean visit(long number, Row row);
    }

    /** Ends a {@link #reread} early. */
    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }

    /** Parses one file, hashing its raw bytes on the way; returns their hex SHA-256. */
    private static String read(SnapshotFile file, ReadOptions options, DecompressedBytes decompressed, RowSink sink) {
        RowReader reader = file.reader(options);
        try (CheckedFileRead read = CheckedFileRead.open(file)) {
            try {
                if (reader instanceof FileRowReader) {
                    file.readRows(reader, read.stream(), sink);
                } else {
                    InputStream decoded = file.decoded(read.stream());
                    try (InputStream in = file.compressed() ? decompressed.limit(decoded, file.relativePath()) : decoded) {
                        reader.read(in, file.relativePath(), file.split(), sink);
                    }
                }
            } catch (IOException | RuntimeException e) {
                read.requireUnchanged();
                throw e;
            }
            return read.finish();
        } catch (NoSuchFileException e) {
            throw new SnapshotException("expected snapshot file " + file.path() + " but it is gone", e);
        } catch (IOException e) {
            throw new SnapshotException("could not read " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
