package dev.driftwatch.spark;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * Where the Spark runner finds a snapshot's files: on the local file system through the engine's own discovery, or
 * on any Hadoop file system ({@code hdfs:}, {@code s3a:}, {@code abfs:}, ...) through Hadoop's {@code FileSystem}.
 */
interface SnapshotStore {
    Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    /**
     * @param location a path, or a URI with a scheme
     * @throws dev.driftwatch.engine.snapshot.SnapshotException when nothing is there, or it is not complete
     */
    Snapshot locate(DatasetDefinition dataset, String location);

    /** The file's location as Spark's data sources take it. */
    String uriOf(SnapshotFile file);

    /** The file's raw bytes. */
    InputStream open(SnapshotFile file) throws IOException;

    /**
     * The profile stored at the location ({@code --save-profile}), or empty when the location is not a file that starts
     * as a stored profile (a snapshot, or nothing: {@link #locate} says which).
     *
     * @throws dev.driftwatch.engine.snapshot.SnapshotException when the file starts as a profile but is not a whole one
     */
    Optional<SnapshotProfile> storedProfile(String location);

    /** The store of a location: local for a plain path or a {@code file:} URI, Hadoop's for any other scheme. */
    static SnapshotStore of(SparkSession spark, String location, Clock clock) {
        if (!SCHEME.matcher(location).find()) {
            return new LocalSnapshots(clock);
        }
        URI uri = URI.create(location);
        return "file".equalsIgnoreCase(uri.getScheme()) ? new LocalSnapshots(clock)
                : new HadoopSnapshots(spark.sparkContext().hadoopConfiguration(), uri, clock);
    }
}
