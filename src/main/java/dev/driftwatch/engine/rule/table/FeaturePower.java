package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.profile.ValueType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How well one feature alone predicts the label, by majority label per feature value (numbers in ten
 * quantile bins).
 *
 * @param groups the largest groups: value, majority label, rows
 */
record FeaturePower(double accuracy, double baseline, double power, List<String[]> groups) implements Serializable {
    /** This power with its {@code n} largest groups only. */
    FeaturePower withGroups(int n) {
        return new FeaturePower(accuracy, baseline, power, new ArrayList<>(groups.subList(0, Math.min(n, groups.size()))));
    }

    static Optional<FeaturePower> of(List<String[]> rows, int feature, int label) {
        if (feature < 0 || label < 0) {
            return Optional.empty();
        }
        String[] keys = keys(rows, feature);
        Map<String, Map<String, Long>> byValue = new HashMap<>();
        Map<String, Long> labels = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String y = rows.get(i)[label].strip();
            byValue.computeIfAbsent(keys[i], k -> new HashMap<>()).merge(y, 1L, Long::sum);
            labels.merge(y, 1L, Long::sum);
        }
        if (byValue.size() * 2 > rows.size() || labels.size() < 2) {
            return Optional.empty();
        }
        long correct = 0;
        List<String[]> groups = new ArrayList<>();
        for (var e : byValue.entrySet()) {
            var majority = e.getValue().entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                    .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder())).orElseThrow();
            correct += majority.getValue();
            long size = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            groups.add(new String[]{e.getKey(), majority.getKey(), String.valueOf(size)});
        }
        groups.sort((a, b) -> Long.compare(Long.parseLong(b[2]), Long.parseLong(a[2])));
        double accuracy = (double) correct / rows.size();
        double baseline = (double) labels.values().stream().mapToLong(Long::longValue).max().orElse(0) / rows.size();
        double power = baseline >= 1 ? 0 : Math.max(0, (accuracy - baseline) / (1 - baseline));
        return Optional.of(new FeaturePower(accuracy, baseline, power, groups));
    }

    /** The group key of each row: the value, or its decile bin when nearly all values are numbers. */
    private static String[] keys(List<String[]> rows, int feature) {
        String[] keys = new String[rows.size()];
        double[] numbers = new double[rows.size()];
        int numeric = 0;
        for (int i = 0; i < rows.size(); i++) {
            String v = rows.get(i)[feature];
            keys[i] = v == null || v.isBlank() ? "(missing)" : v.strip();
            if (v != null && ValueType.of(v.strip()).isNumeric()) {
                numbers[i] = Double.parseDouble(v.strip());
                numeric++;
            } else {
                numbers[i] = Double.NaN;
            }
        }
        long distinct = Arrays.stream(keys).distinct().count();
        if (numeric < rows.size() * 0.9 || distinct <= 10) {
            return keys;
        }
        double[] sorted = Arrays.stream(numbers).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double[] edges = new double[9];
        for (int k = 1; k <= 9; k++) {
            edges[k - 1] = sorted[(int) Math.min(sorted.length - 1, Math.floor(k * sorted.length / 10.0))];
        }
        for (int i = 0; i < keys.length; i++) {
            if (!Double.isNaN(numbers[i])) {
                int bin = 0;
                while (bin < 9 && numbers[i] >= edges[bin]) {
                    bin++;
                }
                keys[i] = bin == 0 ? "< " + edges[0] : bin == 9 ? ">= " + edges[8] : "[" + edges[bin - 1] + ", " + edges[bin] + ")";
            }
        }
        return keys;
    }
}
