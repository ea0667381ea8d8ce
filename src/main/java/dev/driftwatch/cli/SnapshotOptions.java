package dev.driftwatch.cli;

import dev.driftwatch.engine.dataset.StandaloneSnapshot;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.ReadOptions;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code profile} and {@code suggest} read a snapshot named without a rules file (picocli mixin). */
final class SnapshotOptions {
    @Option(names = "--snapshot", required = true, description = "The snapshot: a data file, or a folder of data files.")
    Path snapshot;

    @Option(names = "--files", paramLabel = "GLOB", description = "In a folder, the data files to read (default: every csv, tsv, json and jsonl file at any depth).")
    String files;

    @Option(names = "--format", description = "csv, tsv, json or jsonl, for files whose name does not tell (default: by file name).")
    String format;

    @Option(names = "--header", split = ",", paramLabel = "NAME", description = "csv/tsv without a header row: the column names, comma-separated.")
    List<String> header;

    @Option(names = "--trim-values", description = "Strip spaces around every csv/tsv value (\"a, b\" -> a|b).")
    boolean trimValues;

    /** The snapshot as these options describe it; bad options as IllegalArgumentException with the reason. */
    StandaloneSnapshot standalone() {
        return new StandaloneSnapshot(snapshot, files, format == null ? null : Format.of(format),
                new ReadOptions(header, trimValues));
    }

    /** The snapshot of the dataset, located at {@code --snapshot}. */
    static Snapshot located(DatasetDefinition dataset, Path location) {
        return new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(dataset, location.toAbsolutePath().normalize())
                .orElseThrow(() -> new SnapshotException("expected data files matching '" + dataset.layout().glob()
                        + "' in " + location + " but found none"));
    }
}
