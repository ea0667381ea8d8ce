package dev.driftwatch.engine.profile;

import java.util.regex.Pattern;

/** The type a present value looks like; a column's inferred type is the most common one among its values. */
public enum ValueType {
    INTEGER, DECIMAL, BOOLEAN, TIMESTAMP, TEXT, LIST;

    private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    /** The type of one present (non-missing) text value. */
    public static ValueType of(String text) {
        if (INTEGER_TEXT.matcher(text).matches()) {
            return INTEGER;
        }
        if (DECIMAL_TEXT.matcher(text).matches()) {
            return DECIMAL;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return BOOLEAN;
        }
        if (TIMESTAMP_TEXT.matcher(text).matches()) {
            return TIMESTAMP;
        }
        return TEXT;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
