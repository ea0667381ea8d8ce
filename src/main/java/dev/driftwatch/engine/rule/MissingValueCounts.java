package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.profile.MissingTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@code missing_values} rule counts itself, per split and column: the values its own {@code tokens}
 * match beyond what the profile already counts as missing (null, empty, blank, the dataset's
 * {@code missing_tokens}), and the first rows with a missing value of any reason. Rules with equal columns,
 * tokens and evidence limit share one (its {@link #key()}). Not thread-safe: one thread feeds it.
 */
final class MissingValueCounts implements Rule.RowCheck {
    /** What the counts depend on. */
    record Key(List<String> columns, Set<String> tokens, int maxEvidence) {
        Key {
            columns = List.copyOf(columns);
            tokens = Set.copyOf(tokens);
        }
    }

    /** One column of one split. */
    static final class Cell {
        final Map<String, Long> tokenHits = new TreeMap<>();
        final List<Evidence> examples = new ArrayList<>();

        long hits() {
            return tokenHits.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final Cell EMPTY = new Cell();
    private final Key key;
    private final ColumnRoles roles;
    private final Map<String, Map<String, Cell>> cells = new HashMap<>();
    private final boolean everyColumn;
    private Header header;
    /** The columns read, their positions in {@link #header} (-1 where it lacks one), the dataset's and the rule's tokens. */
    private String[] names;
    private int[] positions;
    private MissingTokens[] datasetTokens;
    private MissingTokens[] ownTokens;

    MissingValueCounts(Key key, ColumnRoles roles) {
        this.key = Objects.requireNonNull(key, "key");
        this.roles = Objects.requireNonNull(roles, "roles");
        this.everyColumn = key.columns().contains("*");
    }

    @Override
    public Object key() {
        return key;
    }

    /** The counts of a column in a split (empty when nothing was missing there). */
    Cell of(String split, String column) {
        return cells.getOrDefault(split, Map.of()).getOrDefault(column, EMPTY);
    }

    List<MissingValuesRule.Tally> tallies() {
        List<MissingValuesRule.Tally> tallies = new ArrayList<>();
        cells.forEach((split, columns) -> columns.forEach((column, cell) -> tallies.add(
                new MissingValuesRule.Tally(split, column, Map.copyOf(cell.tokenHits), List.copyOf(cell.examples)))));
        return tallies;
    }

    void add(MissingValuesRule.Tally tally, int maxEvidence, java.util.Comparator<Evidence> order) {
        Cell cell = cells.computeIfAbsent(tally.split(), s -> new LinkedHashMap<>())
                .computeIfAbsent(tally.column(), c -> new Cell());
        tally.tokenHits().forEach((token, n) -> cell.tokenHits.merge(token, n, Long::sum));
        cell.examples.addAll(tally.examples());
        cell.examples.sort(order);
        if (cell.examples.size() > maxEvidence) {
            cell.examples.subList(maxEvidence, cell.examples.size()).clear();
        }
    }

    @Override
    public void accept(Row row) {
        if (row.header() != header) {
            bind(row.header());
        }
        Map<String, Cell> split = cells.computeIfAbsent(row.split(), s -> new LinkedHashMap<>());
        byte[] inferred = row.valueTypes();
        for (int i = 0; i < positions.length; i++) {
            String column = names[i];
            if (key.tokens().isEmpty() && isFull(split.get(column))) {
                continue;
            }
            int position = positions[i];
            Object value = position < 0 ? null : row.get(position);
            String reason = value instanceof String text && inferred != null
                    ? inferred[position] < 0 ? "" : ownTokens[i].match(text)
                    : reason(i, value);
            if (reason == null) {
                continue;
            }
            Cell cell = split.computeIfAbsent(column, c -> new Cell());
            if (!reason.isEmpty()) {
                cell.tokenHits.merge(reason, 1L, Long::sum);
            }
            if (cell.examples.size() < key.maxEvidence()) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put(column, String.valueOf(value));
                String id = roles.id() == null ? null : row.text(roles.id());
                cell.examples.add(new Evidence(row.source(), row.line(), id, values));
            }
        }
    }

    /** Finds the columns this check reads in a header, and their tokens. */
    private void bind(Header next) {
        header = next;
        List<String> columns = everyColumn ? next.names() : key.columns();
        names = columns.toArray(String[]::new);
        positions = new int[names.length];
        datasetTokens = new MissingTokens[names.length];
        ownTokens = new MissingTokens[names.length];
        for (int i = 0; i < names.length; i++) {
            positions[i] = next.indexOf(names[i]);
            datasetTokens[i] = MissingTokens.of(roles, names[i]);
            ownTokens[i] = MissingTokens.of(key.tokens(), roles, names[i]);
        }
    }

    /** True when a cell shows as many rows as it may: without tokens of its own, nothing more to count there. */
    private boolean isFull(Cell cell) {
        return cell != null && cell.examples.size() >= key.maxEvidence();
    }

    /**
     * Null when present; "" when missing as the profile counts it; the rule's own token when only that matches. For
     * rows whose profile left no types ({@link Row#valueTypes()}).
     */
    private String reason(int column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "" : null;
        }
        String text = (String) value;
        if (text.isBlank() || datasetTokens[column].match(text) != null) {
            return "";
        }
        return ownTokens[column].match(text);
    }
}
