package dev.driftwatch.spark;

import dev.driftwatch.cli.StoredProfile;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Snapshots on the local file system (or one mounted on every node), found by the engine's discovery. */
final class LocalSnapshots implements SnapshotStore {
    private final Clock clock;

    LocalSnapshots(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Snapshot locate(DatasetDefinition dataset, String location) {
        Path path = pathOf(location);
        return new SnapshotDiscovery(clock).snapshotAt(dataset, path)
                .orElseThrow(() -> new SnapshotException("expected data files matching '" + dataset.layout().glob()
                        + "' in " + location + " but found none"));
    }

    @Override
    public Optional<SnapshotProfile> storedProfile(String location) {
        Path path = pathOf(location);
        return StoredProfile.isProfile(path) ? Optional.of(StoredProfile.read(path)) : Optional.empty();
    }

    private static Path pathOf(String location) {
        return (location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location)).toAbsolutePath().normalize();
    }

    @Override
    public String uriOf(SnapshotFile file) {
        return file.path().toUri().toString();
    }

    @Override
    public InputStream open(SnapshotFile file) throws IOException {
        return Files.newInputStream(file.path());
    }
}
