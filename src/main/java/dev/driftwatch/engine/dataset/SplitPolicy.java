package dev.driftwatch.engine.dataset;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How the rows of a snapshot divide into splits (train, test, ...), and in which order they are used: a model
 * is trained on an earlier split and evaluated on a later one, so rows of a later split found in an earlier
 * one are leakage, counted against the later split.
 *
 * @param kind   no splits (every row is in {@value #ALL}), by file, or by the value of a column
 * @param files  for {@link Kind#FILE}: split name → glob on the file's path relative to the snapshot, in order
 * @param column for {@link Kind#COLUMN}: the column whose value names the split
 * @param order  the splits from training to final evaluation ({@code splits.order}); empty for
 *               {@link #DEFAULT_ORDER}
 */
public record SplitPolicy(Kind kind, Map<String, String> files, String column, List<String> order) {
    public static final String ALL = "all";
    /** The order of splits known by name when none is declared. */
    public static final List<String> DEFAULT_ORDER = List.of("train", "val", "validation", "test");

    public enum Kind { NONE, FILE, COLUMN }

    public SplitPolicy {
        Objects.requireNonNull(kind, "kind");
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        order = order == null ? List.of() : List.copyOf(order);
        if (kind == Kind.FILE && files.isEmpty()) {
            throw new IllegalArgumentException("expected at least one split file pattern but found none");
        }
        if (kind == Kind.COLUMN && (column == null || column.isBlank())) {
            throw new IllegalArgumentException("expected the name of the split column but found none");
        }
        Set<String> seen = new HashSet<>();
        for (String split : order) {
            if (split == null || split.isBlank()) {
                throw new IllegalArgumentException("order: expected split names but found an empty one");
            }
            if (!seen.add(split)) {
                throw new IllegalArgumentException("order: expected each split once but found '" + split + "' twice");
            }
            if (kind == Kind.FILE && !files.containsKey(split)) {
                throw new IllegalArgumentException("order: expected one of the splits of files (" + String.join(", ",
                        files.keySet()) + ") but found '" + split + "'");
            }
        }
    }

    /** A policy without a declared order. */
    public SplitPolicy(Kind kind, Map<String, String> files, String column) {
        this(kind, files, column, List.of());
    }

    public static SplitPolicy none() {
        return new SplitPolicy(Kind.NONE, Map.of(), null);
    }

    /** The order in use: the declared one, else {@link #DEFAULT_ORDER}. */
    public List<String> effectiveOrder() {
        return order.isEmpty() ? DEFAULT_ORDER : order;
    }

    /** The position of a split in {@link #effectiveOrder()} (earlier splits train, later ones evaluate); empty when not in it. */
    public OptionalInt rank(String split) {
        int index = effectiveOrder().indexOf(split);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
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
