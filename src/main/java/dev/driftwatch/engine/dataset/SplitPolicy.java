package dev.driftwatch.engine.dataset;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the rows of a snapshot divide into splits (train, test, ...).
 *
 * @param kind   no splits (every row is in {@value #ALL}), by file, or by the value of a column
 * @param files  for {@link Kind#FILE}: split name → glob on the file's path relative to the snapshot, in order
 * @param column for {@link Kind#COLUMN}: the column whose value names the split
 */
public record SplitPolicy(Kind kind, Map<String, String> files, String column) {
    public static final String ALL = "all";

    public enum Kind { NONE, FILE, COLUMN }

    public SplitPolicy {
        Objects.requireNonNull(kind, "kind");
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        if (kind == Kind.FILE && files.isEmpty()) {
            throw new IllegalArgumentException("expected at least one split file pattern but found none");
        }
        if (kind == Kind.COLUMN && (column == null || column.isBlank())) {
            throw new IllegalArgumentException("expected the name of the split column but found none");
        }
    }

    public static SplitPolicy none() {
        return new SplitPolicy(Kind.NONE, Map.of(), null);
    }

    /** The split of a file for {@link Kind#FILE}; {@value #ALL} otherwise; empty when no pattern matches. */
    public Optional<String> splitOfFile(String relativePath) {
        if (kind != Kind.FILE) {
            return Optional.of(ALL);
        }
        Path path = Path.of(relativePath);
        for (var entry : files.entrySet()) {
            if (FileSystems.getDefault().getPathMatcher("glob:" + entry.getValue()).matches(path)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }
}
