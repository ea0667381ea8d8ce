package dev.driftwatch.engine.read;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The synthetic corpora of src/test/resources/read (written by make_corpora.py there), profiled as the service
 * profiles a snapshot: one pass of the {@link Profiler}, with a dataset's read options and bad-row share.
 */
final class Corpora {
    private Corpora() {
    }

    static Path resource(String name) {
        try {
            return Path.of(Corpora.class.getResource("/read/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a file, gunzipped when its name ends in .gz; read with plain Java, not with Driftwatch. */
    static String text(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a text as a plain reader splits them (LF line ends). */
    static List<String> lines(String text) {
        try (var reader = new BufferedReader(new java.io.StringReader(text))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DatasetDefinition dataset(Format format, ReadOptions options, ColumnRoles roles, double maxBadRowShare) {
        return new DatasetDefinition("corpus", Path.of("."), new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, "*"),
                format, options, SplitPolicy.none(), roles, null, null, maxBadRowShare, null);
    }

    /** A snapshot of the files, each its own split (by its key), in the given order. */
    static Snapshot snapshot(String id, Format format, Map<String, Path> filesBySplit) {
        List<SnapshotFile> files = new ArrayList<>();
        long bytes = 0;
        try {
            for (var entry : filesBySplit.entrySet()) {
                Path file = entry.getValue();
                files.add(new SnapshotFile(file, file.getFileName().toString(), entry.getKey(), format, Files.size(file)));
                bytes += Files.size(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot("corpus", id, files, new Provenance(id, bytes, "-", Instant.EPOCH, Instant.EPOCH, Map.of()));
    }

    static Snapshot snapshot(String id, Format format, Path file) {
        Map<String, Path> one = new LinkedHashMap<>();
        one.put(SplitPolicy.ALL, file);
        return snapshot(id, format, one);
    }

    static SnapshotProfile profile(DatasetDefinition dataset, Snapshot snapshot, Consumer<Row> rows) {
        return new Profiler(2).profile(dataset, snapshot, ProfileRequest.builder(dataset.columns()).build(), List.of(rows));
    }

    static ColumnRoles labelled(String label, String input) {
        return new ColumnRoles(null, List.of(input), label, null, List.of(), List.of(), List.of(), List.of(), Map.of());
    }
}
