package dev.driftwatch.engine.rule.anomaly;

/** The checks shared by the change strategies' bounds. */
final class ChangeBounds {
    private ChangeBounds() {
    }

    static void check(Double maxDecrease, Double maxIncrease) {
        if (maxDecrease == null && maxIncrease == null) {
            throw new IllegalArgumentException("expected max_decrease or max_increase but found neither");
        }
        nonNegative(maxDecrease, "max_decrease");
        nonNegative(maxIncrease, "max_increase");
    }

    static void nonNegative(Double value, String key) {
        if (value != null && !(value >= 0)) {
            throw new IllegalArgumentException(key + ": expected 0 or more but found " + value);
        }
    }
}
