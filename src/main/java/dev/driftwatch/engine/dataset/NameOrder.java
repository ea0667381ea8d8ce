package dev.driftwatch.engine.dataset;

import java.util.Comparator;

/**
 * Compares names run by run: runs of digits by their value ({@code 9 < 10}), other runs as text; names
 * that tie that way ({@code 007} and {@code 7}) are ordered as plain text, so the order is total.
 */
final class NameOrder implements Comparator<String> {
    static final NameOrder INSTANCE = new NameOrder();

    private NameOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = runEnd(a, i);
            int endB = runEnd(b, j);
            int c = digit(a.charAt(i)) && digit(b.charAt(j))
                    ? compareNumbers(a.substring(i, endA), b.substring(j, endB))
                    : a.substring(i, endA).compareTo(b.substring(j, endB));
            if (c != 0) {
                return c;
            }
            i = endA;
            j = endB;
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int runEnd(String s, int start) {
        boolean digits = digit(s.charAt(start));
        int end = start + 1;
        while (end < s.length() && digit(s.charAt(end)) == digits) {
            end++;
        }
        return end;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
