package dev.driftwatch.report.html;

import java.util.List;

/** The colours of chart series, in order; the same everywhere so a split keeps its colour across charts. */
final class Palette {
    private static final List<String> COLOURS = List.of("#2563eb", "#f59e0b", "#10b981", "#8b5cf6", "#ef4444", "#64748b");
    static final String MARKER = "#dc2626";
    static final String GRID = "#e5e7eb";
    static final String INK = "#374151";

    private Palette() {
    }

    /**
     * The colour of a rule status id ({@code pass}, {@code warn}, {@code fail}, {@code error}), a neutral light grey for
     * {@code skipped}, grey for anything else.
     */
    static String status(String status) {
        return switch (status) {
            case "pass" -> "#15803d";
            case "warn" -> "#d97706";
            case "fail" -> "#b91c1c";
            case "error" -> "#7e22ce";
            case "skipped" -> "#cbd5e1";
            default -> "#94a3b8";
        };
    }

    static String colour(int series) {
        return COLOURS.get(series % COLOURS.size());
    }
}
