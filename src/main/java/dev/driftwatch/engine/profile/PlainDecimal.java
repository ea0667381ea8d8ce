package dev.driftwatch.engine.profile;

/**
 * Parses numbers as {@link Double#parseDouble} does, bit for bit, without its general algorithm for the common
 * case: an optional sign, then digits with at most one dot, at most 15 significant digits and at most 22
 * after the dot. Such a number is an exact long divided by an exact power of ten, and one IEEE division
 * rounds correctly (Clinger, "How to read floating point numbers accurately", 1990). Anything else goes to
 * {@link Double#parseDouble}. Stateless.
 */
final class PlainDecimal {
    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private PlainDecimal() {
    }

    /** @throws NumberFormatException when the text is not a number at all */
    static double parse(String text) {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        boolean negative = i == 1 && text.charAt(0) == '-';
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int dot = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa != 0 || c != '0') {
                    significant++;
                }
                mantissa = mantissa * 10 + (c - '0');
            } else if (c == '.' && dot < 0) {
                dot = i;
            } else {
                return Double.parseDouble(text);
            }
        }
        int decimals = dot < 0 ? 0 : n - dot - 1;
        if (digits == 0 || significant > MAX_DIGITS || decimals >= POWERS_OF_TEN.length) {
            return Double.parseDouble(text);
        }
        double value = mantissa / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
    }
}
