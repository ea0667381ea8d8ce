package dev.driftwatch.spec.kinds;

import java.util.List;

/** Checks for keys a rule cannot do without, with the key named in the message. */
final class Required {
    private Required() {
    }

    static <T> List<T> list(List<T> value, String key) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(key + ": expected a non-empty list but found none");
        }
        return value;
    }

    static <T> T value(T value, String key) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": expected a value but found none");
        }
        return value;
    }
}
