package dev.driftwatch.engine.rule.tags;

import java.util.Locale;

/** The questions {@code unseen_tags} asks of a tags (or label) column. */
public enum TagCheck {
    /** Rows carrying a tag that is not in the declared vocabulary, after resolving aliases. */
    OUT_OF_VOCABULARY,
    /** Tags used by fewer rows than the minimum frequency (they would be cut before training). */
    RARE,
    /** Tags that the reference (previous snapshot, baseline or reference split) did not have. */
    NEW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TagCheck of(String id) {
        for (TagCheck check : values()) {
            if (check.id().equals(id)) {
                return check;
            }
        }
        throw new IllegalArgumentException("expected one of out_of_vocabulary, rare, new but found " + id);
    }
}
