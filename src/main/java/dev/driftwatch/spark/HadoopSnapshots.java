package dev.driftwatch.spark;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.InProgressNames;
import dev.driftwatch.engine.snapshot.ProducerMetadata;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import dev.driftwatch.engine.snapshot.SnapshotVersion;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Snapshots on a Hadoop file system ({@code hdfs:}, {@code s3a:}, ...), found as the engine's discovery finds local
 * ones: a file, or a folder's files matching the layout's glob (its in-progress names and {@code provenance.json}
 * left out, the ready marker required when declared), each file's split from its path. A {@link SnapshotFile}'s
 * {@code path} holds the file's path inside the file system; {@link #uriOf} gives it its scheme back.
 */
final class HadoopSnapshots implements SnapshotStore {
    private final Configuration configuration;
    private final URI fileSystem;  // its scheme and authority
    private final Clock clock;

    HadoopSnapshots(Configuration configuration, URI location, Clock clock) {
        this.configuration = configuration;
        this.fileSystem = location;
        this.clock = clock;
    }

    @Override
    public Snapshot locate(DatasetDefinition dataset, String location) {
        Path root = new Path(location);
        try {
            FileSystem fs = root.getFileSystem(configuration);
            FileStatus found = status(fs, root, location);
            String marker = dataset.layout().readyMarker();
            String id = root.getName();
            SnapshotDiscovery.requireComplete(location, id, found.isDirectory(), marker,
                    () -> exists(fs, new Path(root, marker)));
            List<SnapshotFile> files = found.isDirectory() ? filesIn(fs, found.getPath(), dataset)
                    : fileOf(found, id, dataset).map(List::of).orElse(List.of());
            if (files.isEmpty()) {
                throw new SnapshotException("expected data files matching '" + dataset.layout().glob() + "' in "
                        + location + " but found none");
            }
            Instant modified = files.stream().map(SnapshotFile::modifiedAt).max(Comparator.naturalOrder()).orElseThrow();
            long bytes = files.stream().mapToLong(SnapshotFile::bytes).sum();
            var provenance = new Provenance(location, bytes, null, modified, clock.instant(), Map.of());
            return new Snapshot(dataset.name(), id, SnapshotVersion.of(id, files, List.of()), files, provenance);
        } catch (IOException e) {
            throw new SnapshotException("could not list the files of snapshot " + location + ": " + e.getMessage(), e);
        }
    }

    private static FileStatus status(FileSystem fs, Path root, String location) throws IOException {
        try {
            return fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw SnapshotDiscovery.nothingAt(location);
        }
    }

    private static boolean exists(FileSystem fs, Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new SnapshotException("could not look for " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<SnapshotFile> filesIn(FileSystem fs, Path folder, DatasetDefinition dataset) throws IOException {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + dataset.layout().glob());
        String prefix = folder.toUri().getPath() + "/";
        List<SnapshotFile> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> listing = fs.listFiles(folder, true);
        while (listing.hasNext()) {
            LocatedFileStatus file = listing.next();
            String relative = file.getPath().toUri().getPath().substring(prefix.length());
            if (file.getPath().getName().equals(ProducerMetadata.FILE_NAME)
                    || InProgressNames.isInProgress(relative, dataset.layout().readyMarker())
                    || !glob.matches(java.nio.file.Path.of(relative))) {
                continue;
            }
            fileOf(file, relative, dataset).ifPresent(files::add);
        }
        files.sort(Comparator.comparing(SnapshotFile::relativePath));
        return files;
    }

    private static Optional<SnapshotFile> fileOf(FileStatus file, String relative, DatasetDefinition dataset) {
        return dataset.splits().splitOfFile(relative).map(split -> new SnapshotFile(
                java.nio.file.Path.of(file.getPath().toUri().getPath()), relative, split, dataset.formatOf(relative),
                file.getLen(), Instant.ofEpochMilli(file.getModificationTime()), null));
    }

    @Override
    public String uriOf(SnapshotFile file) {
        return new Path(fileSystem.getScheme(), fileSystem.getAuthority(), file.path().toString().replace('\\', '/')).toString();
    }

    @Override
    public InputStream open(SnapshotFile file) throws IOException {
        Path path = new Path(uriOf(file));
        return path.getFileSystem(configuration).open(path);
    }

    @Override
    public Optional<SnapshotProfile> storedProfile(String location) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(configuration);
            if (!fs.getFileStatus(path).isFile()) {
                return Optional.empty();
            }
            try (InputStream in = new BufferedInputStream(fs.open(path))) {
                in.mark(Integer.BYTES);
                if (!ProfileCodec.startsAProfile(in)) {
                    return Optional.empty();
                }
                in.reset();
                return Optional.of(ProfileCodec.fromBytes(in.readAllBytes()));
            }
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new SnapshotException("expected a stored profile in " + location + " but found: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SnapshotException("could not read " + location + ": " + e.getMessage(), e);
        }
    }
}
