package dev.driftwatch.report.html;

import java.util.List;
import java.util.Objects;

/**
 * One named row of values of a chart, one value per category (or bin, or point); a null value is not drawn.
 */
public record Series(String name, List<Double> values) {
    public Series {
        Objects.requireNonNull(name, "name");
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    double largest() {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
