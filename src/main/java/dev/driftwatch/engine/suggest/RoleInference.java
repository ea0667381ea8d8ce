package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Infers each column's role from a profile taken without roles: names that say "id" or "label", the inferred
 * type, distinct values against rows, and the shape of text values. Stateless and thread-safe.
 */
public final class RoleInference {
    /** {@code id}, {@code uuid}, {@code user_id}, {@code PassengerId}, {@code ID}, but not {@code paid}. */
    private static final Pattern ID_NAME = Pattern.compile("(?i)(id|uuid|guid|key)|.*[ _-](?i)(id|key)|.*[a-z0-9]Id|.*ID");
    private static final Pattern LABEL_NAME = Pattern.compile("(?i)label|target|class|outcome|survived|income|y|tag"
            + "|species|churn|category|sentiment|diagnosis|is_?fraud|default");
    /** More distinct numbers than this make a number column numeric rather than a category. */
    static final int MAX_NUMBER_CATEGORIES = 10;
    /** A label has at most this many classes when only its place (last column) says it is one. */
    static final int MAX_UNNAMED_LABEL_CLASSES = 20;
    /** Text with at least this many words on average is free text, not a code. */
    static final double MIN_TEXT_WORDS = 3;

    public SuggestedRoles infer(SplitProfile profile, ColumnShapes shapes) {
        List<ColumnEvidence> columns = new ArrayList<>();
        boolean idTaken = false;
        boolean tagsTaken = false;
        for (ColumnProfile column : profile.columns().values()) {
            ColumnEvidence evidence = roleOf(column, shapes, profile.rows(), idTaken, tagsTaken);
            idTaken |= evidence.role() == ColumnRole.ID;
            tagsTaken |= evidence.role() == ColumnRole.TAGS;
            columns.add(evidence);
        }
        return new SuggestedRoles(withLabel(columns, tagsTaken, profile));
    }

    private static ColumnEvidence roleOf(ColumnProfile column, ColumnShapes shapes, long rows, boolean idTaken, boolean tagsTaken) {
        String name = column.column();
        long present = column.present();
        String type = column.type() == null ? "no type" : column.type().name().toLowerCase(Locale.ROOT);
        String seen = String.format(Locale.ROOT, "%,d distinct of %,d present values, %s", column.distinct(), present, type);
        if (column.type() == ValueType.LIST || shapes.holdsLists(name)) {
            return new ColumnEvidence(name, tagsTaken ? ColumnRole.CODE : ColumnRole.TAGS, "holds lists; " + seen);
        }
        if (present == 0) {
            return new ColumnEvidence(name, ColumnRole.CODE, "no value present in " + rows + " rows");
        }
        boolean numbers = column.type() != null && column.type().isNumeric() && column.mismatchedShare() <= 0.05;
        boolean idShaped = column.type() == ValueType.INTEGER || column.type() == ValueType.TEXT;
        if (!idTaken && ID_NAME.matcher(name).matches() && idShaped && column.distinct() >= 0.9 * present) {
            return new ColumnEvidence(name, ColumnRole.ID, "named as an id; " + seen);
        }
        if (column.type() == ValueType.TIMESTAMP) {
            return new ColumnEvidence(name, ColumnRole.TIMESTAMP, seen);
        }
        if (numbers) {
            return column.distinct() > MAX_NUMBER_CATEGORIES ? new ColumnEvidence(name, ColumnRole.NUMERIC, seen)
                    : new ColumnEvidence(name, ColumnRole.CATEGORICAL, seen + ", at most " + MAX_NUMBER_CATEGORIES + " numbers");
        }
        if (column.type() == ValueType.BOOLEAN || column.distinct() <= maxCategories(rows)) {
            return new ColumnEvidence(name, ColumnRole.CATEGORICAL, seen);
        }
        double words = shapes.meanWords(name);
        String shape = String.format(Locale.ROOT, "%s, %.1f words on average", seen, words);
        return new ColumnEvidence(name, words >= MIN_TEXT_WORDS ? ColumnRole.TEXT : ColumnRole.CODE, shape);
    }

    /** At most this many distinct values make a category: 20, or 5% of the rows up to 100. */
    static long maxCategories(long rows) {
        return Math.max(20, Math.min(100, rows / 20));
    }

    /** The first categorical column named as a target, else a small last categorical column; none beside tags. */
    private static List<ColumnEvidence> withLabel(List<ColumnEvidence> columns, boolean tagsTaken, SplitProfile profile) {
        if (tagsTaken || columns.isEmpty()) {
            return columns;
        }
        List<ColumnEvidence> labelled = new ArrayList<>(columns);
        for (int i = 0; i < columns.size(); i++) {
            ColumnEvidence c = columns.get(i);
            if (c.role() == ColumnRole.CATEGORICAL && LABEL_NAME.matcher(c.column()).matches()) {
                labelled.set(i, new ColumnEvidence(c.column(), ColumnRole.LABEL, "named as a target; " + c.reason()));
                return labelled;
            }
        }
        int last = columns.size() - 1;
        ColumnEvidence c = columns.get(last);
        if (c.role() == ColumnRole.CATEGORICAL && profile.columns().get(c.column()).distinct() <= MAX_UNNAMED_LABEL_CLASSES) {
            labelled.set(last, new ColumnEvidence(c.column(), ColumnRole.LABEL, "the last column, few classes; " + c.reason()));
        }
        return labelled;
    }
}
