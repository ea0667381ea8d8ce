package dev.driftwatch.engine.rule;

import java.util.Locale;

/** How results print numbers for people: counts with thousands separators, shares as percentages. */
public final class Ratios {
    private Ratios() {
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "12 of 2,031 (0.6%)". */
    public static String share(long part, long whole) {
        return count(part) + " of " + count(whole) + " (" + percent(whole == 0 ? 0 : (double) part / whole) + ")";
    }
}
