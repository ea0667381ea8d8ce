package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds datasets and one-file snapshots for profiler tests. */
final class TestSnapshots {
    private TestSnapshots() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestSnapshots.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DatasetDefinition dataset(Path file, ColumnRoles roles, SplitPolicy splits, double maxBadRowShare,
                                     VocabularyDeclaration vocabulary) {
        return new DatasetDefinition("test", file.toAbsolutePath().getParent(),
                new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, file.getFileName().toString()), null,
                null, splits, roles, null, null, maxBadRowShare, vocabulary);
    }

    static Snapshot snapshot(Path... files) {
        try {
            long bytes = 0;
            List<SnapshotFile> list = new java.util.ArrayList<>();
            for (Path file : files) {
                String name = file.getFileName().toString();
                list.add(new SnapshotFile(file, name, SplitPolicy.ALL, Format.ofFileName(name), Files.size(file)));
                bytes += Files.size(file);
            }
            return new Snapshot("test", files[0].getFileName().toString(), list,
                    new Provenance(files[0].toString(), bytes, "-", Instant.EPOCH, Instant.EPOCH, Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Profiles one file with the given roles, no splits, 5% bad rows allowed. */
    static SnapshotProfile profile(Path file, ColumnRoles roles, int threads) {
        DatasetDefinition dataset = dataset(file, roles, SplitPolicy.none(), 0.05, null);
        return new Profiler(threads).profile(dataset, snapshot(file), ProfileRequest.builder(roles).build(), List.of());
    }

    static ColumnRoles roles(Map<String, List<String>> missingTokens) {
        return new ColumnRoles(null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), missingTokens);
    }
}
