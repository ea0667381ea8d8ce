package dev.driftwatch.engine.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of a run of rows, by position. Immutable and shared by every row read under it;
 * a reader that meets a new column (JSON) makes a new, wider header with {@link #with(String)}.
 */
public final class Header {
    private final List<String> names;
    private final Map<String, Integer> positions;

    public Header(List<String> names) {
        this.names = List.copyOf(names);
        this.positions = new HashMap<>(names.size() * 2);
        for (int i = 0; i < this.names.size(); i++) {
            positions.putIfAbsent(this.names.get(i), i);
        }
    }

    public List<String> names() {
        return names;
    }

    /** True when no name is given to two columns, so that a column's position and its name say the same. */
    public boolean hasDistinctNames() {
        return positions.size() == names.size();
    }

    public int size() {
        return names.size();
    }

    /** Position of a column, or -1 when the header has no such column. */
    public int indexOf(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    public Header with(String name) {
        if (positions.containsKey(name)) {
            return this;
        }
        var wider = new java.util.ArrayList<>(names);
        wider.add(name);
        return new Header(wider);
    }
}
