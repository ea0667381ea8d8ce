package dev.driftwatch.engine.dataset;

import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A snapshot named on the command line without a rules file ({@code profile}, {@code suggest}): a file is a
 * dataset of one file per snapshot, a folder one of a folder per snapshot, read as its file names (or
 * {@code format}) and {@code readOptions} say.
 *
 * @param location    the snapshot file or folder (absolute)
 * @param glob        the data files inside a folder, or null for every csv, tsv, json and jsonl file (gzipped or not)
 * @param format      the format of every data file, or null to tell it by file name
 * @param readOptions header, trimming and the like for csv and tsv
 */
public record StandaloneSnapshot(Path location, String glob, Format format, ReadOptions readOptions) {
    /** Every data file a folder holds, at any depth. */
    public static final String DATA_FILES = "**.{csv,tsv,tab,json,jsonl,ndjson,csv.gz,tsv.gz,json.gz,jsonl.gz}";

    public StandaloneSnapshot {
        Objects.requireNonNull(location, "location");
        location = location.toAbsolutePath().normalize();
        readOptions = readOptions == null ? ReadOptions.AS_WRITTEN : readOptions;
    }

    public boolean isFolder() {
        return Files.isDirectory(location);
    }

    /** The layout's glob: the declared one, the file's own extension, or {@link #DATA_FILES}. */
    public String effectiveGlob() {
        if (!isFolder()) {
            String name = location.getFileName().toString();
            int dot = name.indexOf('.', 1);
            return dot < 0 ? name : "*" + name.substring(dot);
        }
        return glob == null ? DATA_FILES : glob;
    }

    /** A dataset name made of the snapshot's name: lower case, other characters as '-'. */
    public String defaultName() {
        String name = location.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.indexOf('.', 1);
        name = (dot < 0 ? name : name.substring(0, dot)).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[-_]+", "");
        return name.isEmpty() ? "dataset" : name;
    }

    /** The dataset these options describe, with the given roles; its source is the snapshot's folder. */
    public DatasetDefinition dataset(String name, ColumnRoles roles) {
        var kind = isFolder() ? SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT : SnapshotLayout.Kind.FILE_PER_SNAPSHOT;
        return new DatasetDefinition(name, location.getParent(), new SnapshotLayout(kind, effectiveGlob()), format,
                readOptions, SplitPolicy.none(), roles, null, null, 0.01, null);
    }
}
