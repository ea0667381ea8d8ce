package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.dataset.ColumnRoles;
import java.util.List;
import java.util.Optional;

/** The role of every column of a snapshot, in column order, each with its evidence. Immutable. */
public record SuggestedRoles(List<ColumnEvidence> columns) {
    public SuggestedRoles {
        columns = List.copyOf(columns);
    }

    /** The columns of one role, in column order. */
    public List<String> of(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).map(ColumnEvidence::column).toList();
    }

    public Optional<String> first(ColumnRole role) {
        return of(role).stream().findFirst();
    }

    /** The target: the label, else the tags column. */
    public Optional<String> target() {
        return first(ColumnRole.LABEL).or(() -> first(ColumnRole.TAGS));
    }

    /**
     * What a model reads: every column but the id, the target and timestamps. Conflict and leakage checks
     * compare these; empty without a target, since a conflict is about labels.
     */
    public List<String> inputs() {
        if (target().isEmpty()) {
            return List.of();
        }
        return columns.stream().filter(c -> c.role() != ColumnRole.ID && c.role() != ColumnRole.LABEL
                && c.role() != ColumnRole.TAGS && c.role() != ColumnRole.TIMESTAMP).map(ColumnEvidence::column).toList();
    }

    /** The columns whose values are categories worth comparing: the categorical ones and the label. */
    public List<String> categories() {
        return columns.stream().filter(c -> c.role() == ColumnRole.CATEGORICAL || c.role() == ColumnRole.LABEL)
                .map(ColumnEvidence::column).toList();
    }

    /** These roles as a dataset's column roles (inputs included). */
    public ColumnRoles toColumnRoles() {
        return new ColumnRoles(first(ColumnRole.ID).orElse(null), inputs(), first(ColumnRole.LABEL).orElse(null),
                first(ColumnRole.TAGS).orElse(null), of(ColumnRole.NUMERIC), of(ColumnRole.CATEGORICAL),
                of(ColumnRole.TEXT), of(ColumnRole.TIMESTAMP), null);
    }
}
