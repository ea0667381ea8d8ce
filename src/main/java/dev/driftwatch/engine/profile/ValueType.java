package dev.driftwatch.engine.profile;

/** The type a present value looks like; a column's inferred type is the most common one among its values. */
public enum ValueType {
    INTEGER, DECIMAL, BOOLEAN, TIMESTAMP, TEXT, LIST;


    /** The type of one present (non-missing) text value. */
    public static ValueType of(String text) {
        if (text.isEmpty()) {
            return TEXT;
        }
        char first = text.charAt(0);
        boolean numberStart = (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
        if (!numberStart) {
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? BOOLEAN : TEXT;
        }
        if (isInteger(text)) {
            return INTEGER;
        }
        if (isPlainDecimal(text) || ValueSyntax.isDecimal(text)) {
            return DECIMAL;
        }
        if (ValueSyntax.isTimestamp(text)) {
            return TIMESTAMP;
        }
        return TEXT;
    }

    private static boolean isInteger(String text) {
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Digits with one dot and at least one digit (the common case, without a regex). */
    private static boolean isPlainDecimal(String text) {
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int dots = 0;
        int digits = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else {
                return false;
            }
        }
        return dots == 1 && digits > 0;
    }

    /** The number a value of a numeric type stands for, read as {@link Double#parseDouble} reads it (bit for bit). */
    public static double parseNumber(String stripped) {
        return PlainDecimal.parse(stripped);
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** True when a value of type {@code value} fits a column of this type (integers fit a decimal column). */
    public boolean accepts(ValueType value) {
        return this == value || (this == DECIMAL && value == INTEGER);
    }
}
