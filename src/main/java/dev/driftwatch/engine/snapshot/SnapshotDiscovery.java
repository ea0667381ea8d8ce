package dev.driftwatch.engine.snapshot;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the snapshots of a dataset without reading their content: each is known by its version (name,
 * relative paths, sizes and modification times, {@link SnapshotVersion}), and counts only once complete:
 * its ready marker exists, or, without one, its files and folders have not been modified for the dataset's
 * settle time. Names of files in progress ({@link InProgressNames}) are never snapshots nor snapshot files.
 * Thread-safe: keeps no state.
 */
public final class SnapshotDiscovery {
    private final Clock clock;

    /** @param clock what "now" is, for the quiet period and the discovery time */
    public SnapshotDiscovery(Clock clock) {
        this.clock = clock;
    }

    /** The complete snapshots of the dataset's source folder, oldest first; see {@link #scan}. */
    public List<Snapshot> discover(DatasetDefinition dataset) {
        return scan(dataset).snapshots();
    }

    /**
     * Looks at the dataset's source folder as the service does: every file it lists must be inside that
     * folder once symbolic links are resolved.
     *
     * @throws SnapshotException when the source folder does not exist or cannot be listed, or a link leads out of it
     */
    public SourceScan scan(DatasetDefinition dataset) {
        Path source = dataset.source();
        if (!Files.isDirectory(source)) {
            throw new SnapshotException("expected a folder of snapshots at " + source + " but found none");
        }
        SnapshotLayout layout = dataset.layout();
        Instant now = clock.instant();
        var inventory = new SnapshotInventory(dataset, SourceFolder.of(dataset.name(), source), now);
        List<Snapshot> complete = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path candidate : candidates(source, layout)) {
            Optional<SnapshotInventory.Stock> stock;
            try {
                stock = inventory.at(candidate);
            } catch (SnapshotInventory.Vanished e) {
                incomplete.add(candidate.getFileName() + ": " + e.getMessage() + " went away while it was looked at");
                continue;
            } catch (SnapshotException e) {
                // one unreadable candidate blocks only itself; a link out of the source folder still stops the scan
                if (!(e.getCause() instanceof IOException)) {
                    throw e;
                }
                unreadable.add(e.getMessage());
                continue;
            }
            stock.ifPresent(found -> incompleteness(layout, candidate, found, now)
                    .ifPresentOrElse(why -> incomplete.add(found.snapshot().id() + ": " + why),
                            () -> complete.add(found.snapshot())));
        }
        complete.sort(layout.order().comparator(Snapshot::id, s -> s.provenance().modifiedAt()));
        return new SourceScan(complete, incomplete, unreadable);
    }

    /**
     * The snapshot at a folder or file a user named (the command line): neither the quiet period nor the
     * source folder applies, but a name of a file in progress and a missing ready marker are refused.
     *
     * @return empty if it holds no data file
     * @throws SnapshotException when there is nothing at the location, or it is not complete
     */
    public Optional<Snapshot> snapshotAt(DatasetDefinition dataset, Path location) {
        if (!Files.exists(location)) {
            throw nothingAt(location);
        }
        String marker = dataset.layout().readyMarker();
        requireComplete(location.toString().replace('\\', '/'), location.getFileName().toString(),
                Files.isDirectory(location), marker, () -> Files.exists(location.resolve(marker)));
        try {
            return new SnapshotInventory(dataset, null, clock.instant()).at(location).map(SnapshotInventory.Stock::snapshot);
        } catch (SnapshotInventory.Vanished e) {
            throw new SnapshotException("snapshot file " + e.getMessage() + " disappeared while it was being read", e);
        }
    }

    /** A named snapshot location with nothing there, on any file system. */
    public static SnapshotException nothingAt(Object location) {
        return new SnapshotException("expected a snapshot at " + location + " but found nothing there");
    }

    /**
     * Refuses a named snapshot location, on any file system, that is not complete: a name writers give to what they
     * have not finished, or a folder without the ready marker the rules file declares.
     *
     * @param location      the location as written, {@code /}-separated
     * @param name          its last part
     * @param markerPresent whether the folder holds the ready marker; asked only for a folder with a declared marker
     * @throws SnapshotException saying which
     */
    public static void requireComplete(String location, String name, boolean folder, String marker,
                                       BooleanSupplier markerPresent) {
        if (InProgressNames.isInProgress(name, marker) || location.contains("/_temporary/")) {
            throw new SnapshotException("expected a complete snapshot but found " + location
                    + ", a name writers give to files in progress (*.tmp, *.part, .*, _temporary/, the ready marker)");
        }
        if (marker != null && folder && !markerPresent.getAsBoolean()) {
            throw new SnapshotException("expected the ready marker " + marker + " in " + location
                    + " (the rules file declares ready_marker) but found none: the snapshot is not complete");
        }
    }

    /** Why a snapshot does not count yet; empty when it is complete. */
    private static Optional<String> incompleteness(SnapshotLayout layout, Path location, SnapshotInventory.Stock found,
                                                   Instant now) {
        if (layout.readyMarker() != null) {
            return Files.exists(location.resolve(layout.readyMarker())) ? Optional.empty()
                    : Optional.of("no " + layout.readyMarker() + " marker yet");
        }
        Duration settle = layout.settle();
        Instant quietFrom = found.lastChange().plus(settle);
        if (settle.isZero() || !now.isBefore(quietFrom)) {
            return Optional.empty();
        }
        return Optional.of("modified at " + found.lastChange() + ", complete once unmodified for " + settle
                + " (at " + quietFrom + ")");
    }

    private static List<Path> candidates(Path source, SnapshotLayout layout) {
        try (Stream<Path> entries = Files.list(source)) {
            Stream<Path> settled = entries
                    .filter(p -> !InProgressNames.isInProgress(p.getFileName().toString(), layout.readyMarker()));
            if (layout.kind() == SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT) {
                return settled.filter(Files::isDirectory).sorted().toList();
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + layout.glob());
            return settled.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new SnapshotException("could not list snapshots in " + source + ": " + e.getMessage(), e);
        }
    }
}
