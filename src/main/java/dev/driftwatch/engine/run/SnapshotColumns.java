package dev.driftwatch.engine.run;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.read.ReadProblem;
import dev.driftwatch.engine.read.RowSink;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The column names a snapshot's files have: the union of the headers of its rows (a csv or tsv header row or
 * the declared header; every key of every JSON record), in the order first seen. As a row consumer it watches the
 * profiling pass (one thread; read {@link #names()} after the pass); {@link #read} finds them without profiling.
 */
public final class SnapshotColumns implements Consumer<Row> {
    private final Set<String> names = new LinkedHashSet<>();
    private Header last;

    @Override
    public void accept(Row row) {
        if (row.header() != last) {
            last = row.header();
            names.addAll(last.names());
        }
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(names);
    }

    /**
     * Reads only what it takes: the first row of each csv or tsv file (its header is fixed), every record of a
     * JSON file (a later record may bring a new key).
     *
     * @throws SnapshotException when a file cannot be read, or no file holds a row (as a run would say)
     */
    public static Set<String> read(DatasetDefinition dataset, Snapshot snapshot) {
        SnapshotColumns columns = new SnapshotColumns();
        for (SnapshotFile file : snapshot.files()) {
            read(dataset, file, columns);
        }
        if (columns.names.isEmpty()) {
            throw RowPresence.none("snapshot " + snapshot.id(), snapshot.files(), dataset, false);
        }
        return columns.names();
    }

    private static void read(DatasetDefinition dataset, SnapshotFile file, SnapshotColumns columns) {
        boolean firstRowOnly = file.format().delimited() || file.format() == dev.driftwatch.engine.read.Format.PARQUET;
        RowSink sink = new RowSink() {
            @Override
            public void accept(Row row) {
                columns.accept(row);
                if (firstRowOnly) {
                    throw FirstRowSeen.INSTANCE;
                }
            }

            @Override
            public void reject(ReadProblem problem) {
                // a bad row says nothing about the header
            }
        };
        try (InputStream raw = Files.newInputStream(file.path())) {
            file.readRows(file.reader(dataset.readOptions()), raw, sink);
        } catch (FirstRowSeen enough) {
            // the header is known
        } catch (IOException e) {
            throw new SnapshotException("could not read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /** Stops a reader once the first row of a file with a fixed header is seen. */
    private static final class FirstRowSeen extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final FirstRowSeen INSTANCE = new FirstRowSeen();

        private FirstRowSeen() {
            super(null, null, false, false);
        }
    }
}
