package dev.driftwatch.engine.profile;

/**
 * Hand-written matchers for the number and timestamp syntaxes of {@link ValueType} (they run on every
 * value, where a regex costs a matcher per call). Digits are ASCII {@code 0-9}. Stateless.
 */
final class ValueSyntax {
    private ValueSyntax() {
    }

    /** {@code [-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?} */
    static boolean isDecimal(String text) {
        int n = text.length();
        int i = sign(text, 0);
        int start = i;
        i = digits(text, i);
        int intDigits = i - start;
        if (i < n && text.charAt(i) == '.') {
            int fracStart = ++i;
            i = digits(text, i);
            if (intDigits == 0 && i == fracStart) {
                return false;
            }
        } else if (intDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i = sign(text, i + 1);
            int expStart = i;
            i = digits(text, i);
            if (i == expStart) {
                return false;
            }
        }
        return i == n;
    }

    /** {@code \d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?} */
    static boolean isTimestamp(String text) {
        int n = text.length();
        if (!(fixed(text, 0, 4) && at(text, 4, '-') && fixed(text, 5, 2) && at(text, 7, '-') && fixed(text, 8, 2))) {
            return false;
        }
        int i = 10;
        if (i < n && (text.charAt(i) == ' ' || text.charAt(i) == 'T')) {
            if (!(fixed(text, i + 1, 2) && at(text, i + 3, ':') && fixed(text, i + 4, 2))) {
                return false;
            }
            i += 6;
            if (at(text, i, ':')) {
                if (!fixed(text, i + 1, 2)) {
                    return false;
                }
                i += 3;
                if (at(text, i, '.')) {
                    int fracStart = i + 1;
                    i = digits(text, fracStart);
                    if (i == fracStart) {
                        return false;
                    }
                }
            }
        }
        if (i == n) {
            return true;
        }
        char zone = text.charAt(i);
        if (zone == 'Z') {
            return i + 1 == n;
        }
        if (zone != '+' && zone != '-' || !fixed(text, i + 1, 2)) {
            return false;
        }
        i += 3;
        if (at(text, i, ':')) {
            i++;
        }
        return fixed(text, i, 2) && i + 2 == n;
    }

    private static int sign(String text, int i) {
        return i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+') ? i + 1 : i;
    }

    private static int digits(String text, int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean fixed(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean at(String text, int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
