package dev.driftwatch.engine.snapshot;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the snapshots of a dataset in its source folder, oldest first (by id). Reading the same
 * folder twice gives the same snapshots with the same fingerprints; contents are hashed once per
 * file version (see {@link ContentFingerprint}). Thread-safe.
 */
public final class SnapshotDiscovery {
    private final ContentFingerprint fingerprint = new ContentFingerprint();
    private final Clock clock;

    public SnapshotDiscovery(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws SnapshotException when the source folder does not exist or cannot be listed
     */
    public List<Snapshot> discover(DatasetDefinition dataset) {
        Path source = dataset.source();
        if (!Files.isDirectory(source)) {
            throw new SnapshotException("expected a folder of snapshots at " + source + " but found none");
        }
        List<Snapshot> snapshots = new ArrayList<>();
        for (Path candidate : candidates(source, dataset.layout())) {
            snapshotAt(dataset, candidate).ifPresent(snapshots::add);
        }
        snapshots.sort(Comparator.comparing(Snapshot::id));
        return snapshots;
    }

    /** The snapshot at a given folder or file, as the dataset's layout reads it; empty if it holds no data file. */
    public Optional<Snapshot> snapshotAt(DatasetDefinition dataset, Path location) {
        if (!Files.exists(location)) {
            throw new SnapshotException("expected a snapshot at " + location + " but found nothing there");
        }
        List<SnapshotFile> files = new ArrayList<>();
        for (Path file : dataFiles(location, dataset.layout())) {
            String relative = Files.isDirectory(location)
                    ? location.relativize(file).toString().replace('\\', '/')
                    : file.getFileName().toString();
            Optional<String> split = dataset.splits().splitOfFile(relative);
            if (split.isEmpty()) {
                continue;
            }
            files.add(new SnapshotFile(file, relative, split.get(), dataset.formatOf(relative), size(file)));
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        files.sort(Comparator.comparing(SnapshotFile::relativePath));
        List<Map.Entry<String, Path>> named = new ArrayList<>(files.stream()
                .map(f -> (Map.Entry<String, Path>) new AbstractMap.SimpleEntry<>(f.relativePath(), f.path()))
                .toList());
        ownVocabulary(dataset, location).ifPresent(named::add);
        Instant modified = files.stream().map(f -> modified(f.path())).max(Comparator.naturalOrder()).orElseThrow();
        long bytes = files.stream().mapToLong(SnapshotFile::bytes).sum();
        var provenance = new Provenance(location.toString(), bytes, fingerprint.of(named), modified,
                clock.instant(), ProducerMetadata.near(location));
        return Optional.of(new Snapshot(dataset.name(), location.getFileName().toString(), files, provenance));
    }

    /** A vocabulary shipped inside the snapshot is part of its content: a new vocabulary is a new snapshot. */
    private static Optional<Map.Entry<String, Path>> ownVocabulary(DatasetDefinition dataset, Path location) {
        if (dataset.vocabulary() == null || dataset.vocabulary().inSnapshot() == null || !Files.isDirectory(location)) {
            return Optional.empty();
        }
        Path file = location.resolve(dataset.vocabulary().inSnapshot());
        return Files.isRegularFile(file)
                ? Optional.of(new AbstractMap.SimpleEntry<>("vocabulary:" + dataset.vocabulary().inSnapshot(), file))
                : Optional.empty();
    }

    private static List<Path> candidates(Path source, SnapshotLayout layout) {
        try (Stream<Path> entries = Files.list(source)) {
            if (layout.kind() == SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT) {
                return entries.filter(Files::isDirectory).sorted().toList();
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + layout.glob());
            return entries.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new SnapshotException("could not list snapshots in " + source + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> dataFiles(Path location, SnapshotLayout layout) {
        if (!Files.isDirectory(location)) {
            return List.of(location);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + layout.glob());
        try (Stream<Path> walk = Files.walk(location)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(ProducerMetadata.FILE_NAME))
                    .filter(p -> matcher.matches(location.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new SnapshotException("could not list the files of snapshot " + location + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SnapshotException("snapshot file " + file + " disappeared while it was being read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
