package dev.driftwatch.report.html;

import java.util.Locale;

/** Escaping and number formatting shared by the HTML pages and the SVG charts. Stateless; thread-safe. */
public final class Html {
    private Html() {
    }

    /** Text safe inside an element or a double-quoted attribute; null becomes the empty string. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number for people: thousands separated, at most three significant decimals; "–" for null or NaN. */
    public static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        double magnitude = Math.abs(v);
        String pattern = magnitude >= 100 ? "%,.1f" : magnitude >= 1 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** An instant as UTC to the second ("2026-11-25 16:44:13 UTC"); "" for null. */
    public static String time(java.time.Instant instant) {
        return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    /** A size in bytes for people, in decimal units ("421.7 kB"). */
    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A share in [0, 1] as a percentage with one decimal. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** A coordinate for SVG: one decimal, no locale. */
    static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
