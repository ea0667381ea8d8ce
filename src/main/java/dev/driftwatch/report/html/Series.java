package dev.driftwatch.report.html;

import java.util.List;
import java.util.Objects;

/**
 * One named row of values of a chart, one value per category (or bin, or point); a null value is not drawn.
 *
 * @param colour a CSS colour, or null for the palette's colour of the series' position
 */
public record Series(String name, List<Double> values, String colour) {
    public Series {
        Objects.requireNonNull(name, "name");
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    String colour(int position) {
        return colour != null ? colour : Palette.colour(position);
    }

    static List<String> colours(List<Series> series) {
        List<String> colours = new java.util.ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            colours.add(series.get(i).colour(i));
        }
        return colours;
    }

    double largest() {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
