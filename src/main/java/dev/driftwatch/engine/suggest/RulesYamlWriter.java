package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.dataset.StandaloneSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * Writes a suggested rules file as YAML text with a comment on every line that carries a figure (Jackson's
 * YAML writer cannot write comments). Values are quoted so that any column name reads back as written.
 */
public final class RulesYamlWriter {
    private final StringBuilder out = new StringBuilder();

    /**
     * @param name     the dataset's name
     * @param snapshot where the snapshot is and how it was read
     * @param rows     rows profiled
     */
    public String write(String name, StandaloneSnapshot snapshot, long rows, SuggestedRoles roles, List<RuleDraft> rules) {
        line(0, "# Rules suggested by `driftwatch suggest` from " + snapshot.location().getFileName() + " ("
                + String.format(Locale.ROOT, "%,d rows, %d columns", rows, roles.columns().size()) + ").");
        line(0, "# Each threshold is what this snapshot showed, with headroom: read them, then tighten or loosen.");
        line(0, "dataset: " + name);
        entry(0, "source", YamlText.string(snapshot.location().getParent().toString()),
                "the folder of the snapshot profiled; a relative path is relative to this file");
        entry(0, "layout", snapshot.isFolder() ? "folder_per_snapshot" : "file_per_snapshot", null);
        entry(0, "files", YamlText.string(snapshot.effectiveGlob()), null);
        entry(0, "order", "name", "snapshots are compared in name order; 'modified' for file times");
        if (snapshot.format() != null) {
            entry(0, "format", snapshot.format().name().toLowerCase(Locale.ROOT), null);
        }
        if (snapshot.readOptions().header() != null) {
            entry(0, "header", YamlText.list(snapshot.readOptions().header()), "the files have no header row");
        }
        if (snapshot.readOptions().trimValues()) {
            entry(0, "trim_values", "true", null);
        }
        columns(roles);
        line(0, "rules:");
        rules.forEach(this::rule);
        return out.toString();
    }

    private void columns(SuggestedRoles roles) {
        line(0, "columns:");
        for (ColumnRole role : List.of(ColumnRole.ID, ColumnRole.LABEL, ColumnRole.TAGS)) {
            roles.columns().stream().filter(c -> c.role() == role).findFirst().ifPresent(c ->
                    entry(1, role.name().toLowerCase(Locale.ROOT), YamlText.string(c.column()), c.reason()));
        }
        listRole(roles, ColumnRole.NUMERIC, "numeric");
        listRole(roles, ColumnRole.CATEGORICAL, "categorical");
        listRole(roles, ColumnRole.TEXT, "text");
        listRole(roles, ColumnRole.TIMESTAMP, "timestamps");
        if (!roles.inputs().isEmpty()) {
            entry(1, "inputs", YamlText.list(roles.inputs()), "every column but the id, the target and timestamps");
        }
        roles.columns().stream().filter(c -> c.role() == ColumnRole.CODE).forEach(c ->
                line(1, "# " + YamlText.comment(c.column() + ": no role, a code (" + c.reason() + ")")));
    }

    private void listRole(SuggestedRoles roles, ColumnRole role, String key) {
        List<ColumnEvidence> columns = roles.columns().stream().filter(c -> c.role() == role).toList();
        if (columns.isEmpty()) {
            return;
        }
        line(1, key + ":");
        columns.forEach(c -> entry(2, "- " + YamlText.string(c.column()), null, c.reason()));
    }

    private void rule(RuleDraft rule) {
        if (rule.comment() != null) {
            line(1, "# " + YamlText.comment(rule.comment()));
        }
        line(1, "- name: " + YamlText.string(rule.name()));
        line(2, "kind: " + rule.kind());
        line(2, "severity: " + rule.severity());
        rule.params().forEach(p -> entry(2, p.key(), p.yaml(), p.comment()));
    }

    /** {@code key: value  # comment}; a null value writes the key as is (a list item). */
    private void entry(int depth, String key, String value, String comment) {
        String text = value == null ? key : key + ": " + value;
        line(depth, comment == null ? text : text + "   # " + YamlText.comment(comment));
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
