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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Takes stock of the snapshot at a folder or file without reading content: its data files with their
 * sizes and modification times, its version, provenance, and when it last changed. With a source folder,
 * everything it lists must be inside it ({@link SourceFolder}). Not thread-safe; one per look.
 */
final class SnapshotInventory {
    private final DatasetDefinition dataset;
    private final SourceFolder confinement;
    private final Instant now;

    /** @param confinement the folder every file must be inside, or null when the user named the snapshot */
    SnapshotInventory(DatasetDefinition dataset, SourceFolder confinement, Instant now) {
        this.dataset = dataset;
        this.confinement = confinement;
        this.now = now;
    }

    /** A snapshot and the last time it or a folder of its files changed (for the quiet period). */
    record Stock(Snapshot snapshot, Instant lastChange) {
    }

    /** A file listed a moment before was gone when it was looked at: the snapshot is being changed. */
    static final class Vanished extends RuntimeException {
        Vanished(NoSuchFileException cause) {
            super(cause.getFile(), cause);
        }
    }

    /** @return empty when it holds no data file */
    Optional<Stock> at(Path location) {
        confine(location);
        String marker = dataset.layout().readyMarker();
        List<SnapshotFile> files = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        for (Path file : dataFiles(location, dataset.layout())) {
            String relative = Files.isDirectory(location)
                    ? location.relativize(file).toString().replace('\\', '/')
                    : file.getFileName().toString();
            Optional<String> split = dataset.splits().splitOfFile(relative);
            if (split.isEmpty() || (Files.isDirectory(location) && InProgressNames.isInProgress(relative, marker))) {
                continue;
            }
            confine(file);
            FileStamp stamp = stamp(file);
            files.add(new SnapshotFile(file, relative, split.get(), dataset.formatOf(relative), stamp.bytes(),
                    stamp.modifiedAt(), null));
            if (Files.isDirectory(location)) {
                for (Path folder = file.getParent(); folder != null && folder.startsWith(location); folder = folder.getParent()) {
                    folders.add(folder);
                }
            }
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        files.sort(Comparator.comparing(SnapshotFile::relativePath));
        Instant modified = files.stream().map(SnapshotFile::modifiedAt).max(Comparator.naturalOrder()).orElseThrow();
        Instant lastChange = modified;
        for (Path folder : folders) {
            Instant changed = stamp(folder).modifiedAt();
            lastChange = changed.isAfter(lastChange) ? changed : lastChange;
        }
        String id = location.getFileName().toString();
        String version = SnapshotVersion.of(id, files, ownVocabulary(location));
        long bytes = files.stream().mapToLong(SnapshotFile::bytes).sum();
        Path metadata = ProducerMetadata.fileNear(location);
        if (Files.exists(metadata)) {
            confine(metadata);
        }
        var provenance = new Provenance(location.toString(), bytes, null, modified, now, ProducerMetadata.read(metadata));
        return Optional.of(new Stock(new Snapshot(dataset.name(), id, version, files, provenance), lastChange));
    }

    /** A vocabulary shipped inside the snapshot is part of it: a new vocabulary is a new version. */
    private List<SnapshotVersion.Stamp> ownVocabulary(Path location) {
        if (dataset.vocabulary() == null || dataset.vocabulary().inSnapshot() == null || !Files.isDirectory(location)) {
            return List.of();
        }
        Path file = location.resolve(dataset.vocabulary().inSnapshot());
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        confine(file);
        FileStamp stamp = stamp(file);
        return List.of(new SnapshotVersion.Stamp("vocabulary:" + dataset.vocabulary().inSnapshot(), stamp.bytes(),
                stamp.modifiedAt()));
    }

    private void confine(Path file) {
        if (confinement != null) {
            confinement.requireInside(file);
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
        } catch (UncheckedIOException e) {
            throw vanishedOr(location, e.getCause());
        } catch (IOException e) {
            throw vanishedOr(location, e);
        }
    }

    private static RuntimeException vanishedOr(Path location, IOException e) {
        return e instanceof NoSuchFileException gone ? new Vanished(gone)
                : new SnapshotException("could not list the files of snapshot " + location + ": " + e.getMessage(), e);
    }

    private static FileStamp stamp(Path file) {
        try {
            return FileStamp.of(file);
        } catch (NoSuchFileException e) {
            throw new Vanished(e);
        } catch (IOException e) {
            throw new SnapshotException("could not read the size and time of " + file + ": " + e.getMessage(), e);
        }
    }
}
