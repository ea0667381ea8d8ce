package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.read.ReadProblem;
import dev.driftwatch.engine.read.RowSink;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Profiles a snapshot in one streaming pass over its files. Also hands every row to the given
 * row consumers (checks that need rows, e.g. duplicates), in file order.
 */
public final class Profiler {

    /**
     * @throws SnapshotException when a file is missing or unreadable, or more rows are bad than the dataset allows
     */
    public SnapshotProfile profile(DatasetDefinition dataset, Snapshot snapshot, ProfileRequest request,
                                   List<Consumer<Row>> rowConsumers) {
        Map<String, SplitAccumulator> splits = new LinkedHashMap<>();
        var reads = new ReadCounter();
        SplitPolicy policy = dataset.splits();
        RowSink sink = new RowSink() {
            @Override
            public void accept(Row row) {
                Row placed = row;
                if (policy.kind() == SplitPolicy.Kind.COLUMN) {
                    String split = row.text(policy.column());
                    placed = row.withSplit(split == null || split.isBlank() ? "(none)" : split.strip());
                }
                reads.read++;
                Row finalRow = placed;
                splits.computeIfAbsent(finalRow.split(), s -> new SplitAccumulator(s, request)).accept(finalRow);
                rowConsumers.forEach(consumer -> consumer.accept(finalRow));
            }

            @Override
            public void reject(ReadProblem problem) {
                reads.reject(problem);
            }
        };
        for (SnapshotFile file : snapshot.files()) {
            read(file, sink);
        }
        ReadReport report = reads.report();
        if (report.rejectedShare() > dataset.maxBadRowShare()) {
            throw new SnapshotException(String.format(
                    "%d of %d rows of snapshot %s could not be read (more than the allowed %.1f%%); first problem: %s",
                    report.rowsRejected(), report.rowsRead() + report.rowsRejected(), snapshot.id(),
                    dataset.maxBadRowShare() * 100, report.examples().isEmpty() ? "none" : report.examples().get(0)));
        }
        Map<String, SplitProfile> profiles = new LinkedHashMap<>();
        new TreeMap<>(splits).forEach((name, acc) -> profiles.put(name, acc.toProfile()));
        return new SnapshotProfile(profiles, report);
    }

    private static void read(SnapshotFile file, RowSink sink) {
        try (InputStream in = open(file)) {
            file.format().reader().read(in, file.relativePath(), file.split(), sink);
        } catch (NoSuchFileException e) {
            throw new SnapshotException("expected snapshot file " + file.path() + " but it is gone", e);
        } catch (IOException e) {
            throw new SnapshotException("could not read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(SnapshotFile file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file.path()), 1 << 16);
        return file.relativePath().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static final class ReadCounter {
        long read;
        long rejected;
        final Map<String, Long> byKind = new TreeMap<>();
        final List<ReadProblem> examples = new ArrayList<>();

        void reject(ReadProblem problem) {
            rejected++;
            byKind.merge(problem.kind(), 1L, Long::sum);
            if (examples.size() < ReadReport.MAX_EXAMPLES) {
                examples.add(problem);
            }
        }

        ReadReport report() {
            return new ReadReport(read, rejected, byKind, examples);
        }
    }
}
