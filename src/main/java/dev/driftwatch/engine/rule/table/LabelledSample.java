package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.MergeableRowCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code target_leakage}'s row check: the first {@code size} labelled rows of the snapshot (an unlabelled test file adds
 * none), their values as text in the order of the first one's columns, each with its place. Samples of disjoint rows
 * merge to the first rows of both; a complete sample is {@link #summarised()} into each feature's power, so that a
 * runner elsewhere (Spark) sends those, not the rows. Memory: the sample, at most {@code size} rows. Not thread-safe.
 */
final class LabelledSample implements MergeableRowCheck {
    /** A sampled row: where it was read, and its values by the sample's columns. */
    private record Sampled(String source, long line, String[] values) implements java.io.Serializable {
        Evidence place() {
            return new Evidence(source, line, null, null);
        }
    }

    final String label;
    private final List<String> features;
    private final Set<String> notFeatures;
    private final int size;
    private ArrayList<String> header;
    private ArrayList<Sampled> rows = new ArrayList<>();
    /** Set once summarised: the rows' count and each feature's power (none for a feature it cannot judge). */
    private long sampled = -1;
    private LinkedHashMap<String, FeaturePower> powers;

    /**
     * @param features    the features the rule names, or empty for every column but {@code notFeatures}
     * @param notFeatures the label, id and tags columns
     */
    LabelledSample(String label, List<String> features, Set<String> notFeatures, int size) {
        this.label = label;
        this.features = List.copyOf(features);
        this.notFeatures = Set.copyOf(notFeatures);
        this.size = size;
    }

    @Override
    public void accept(Row row) {
        if (rows.size() >= size) {
            return;
        }
        String target = row.text(label);
        if (target == null || target.isBlank()) {
            return;
        }
        if (header == null) {
            header = new ArrayList<>(row.header().names());
        }
        String[] values = new String[header.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = row.get(header.get(i));
            values[i] = v == null ? null : row.text(header.get(i));
        }
        rows.add(new Sampled(row.source(), row.line(), values));
    }

    /** Rows in the sample. */
    long size() {
        return sampled >= 0 ? sampled : rows.size();
    }

    /** Each feature's power over the sample, in the features' order; a feature it cannot judge is left out. */
    LinkedHashMap<String, FeaturePower> powers() {
        if (powers != null) {
            return powers;
        }
        LinkedHashMap<String, FeaturePower> all = new LinkedHashMap<>();
        List<String[]> values = rows.stream().map(Sampled::values).toList();
        for (String feature : features()) {
            FeaturePower.of(values, header.indexOf(feature), header.indexOf(label)).ifPresent(p -> all.put(feature, p));
        }
        return all;
    }

    private List<String> features() {
        if (header == null) {
            return List.of();
        }
        return !features.isEmpty() ? features : header.stream().filter(c -> !notFeatures.contains(c)).toList();
    }

    @Override
    public void merge(MergeableRowCheck other, Comparator<Evidence> order) {
        LabelledSample part = (LabelledSample) other;
        if (part.powers != null || powers != null) {
            if (!rows.isEmpty() || powers != null) {
                throw new IllegalStateException("expected a summarised sample to merge into an empty one but found "
                        + size() + " rows here");
            }
            sampled = part.sampled;
            powers = part.powers;
            return;
        }
        if (part.rows.isEmpty()) {
            return;
        }
        boolean partFirst = rows.isEmpty() || order.compare(part.rows.get(0).place(), rows.get(0).place()) < 0;
        List<String> columns = partFirst ? part.header : header;
        List<Sampled> both = new ArrayList<>(rows.size() + part.rows.size());
        both.addAll(aligned(rows, header, columns));
        both.addAll(aligned(part.rows, part.header, columns));
        both.sort(Comparator.comparing(Sampled::place, order));
        header = new ArrayList<>(columns);
        rows = new ArrayList<>(both.subList(0, Math.min(size, both.size())));
    }

    /** Rows read with one list of columns, as rows of another (a column it lacks is null, as a row without it reads). */
    private static List<Sampled> aligned(List<Sampled> rows, List<String> from, List<String> to) {
        if (rows.isEmpty() || Objects.equals(from, to)) {
            return rows;
        }
        int[] index = to.stream().mapToInt(from::indexOf).toArray();
        return rows.stream().map(row -> {
            String[] values = new String[index.length];
            for (int i = 0; i < index.length; i++) {
                values[i] = index[i] < 0 ? null : row.values()[index[i]];
            }
            return new Sampled(row.source(), row.line(), values);
        }).toList();
    }

    @Override
    public MergeableRowCheck summarised() {
        LabelledSample summary = new LabelledSample(label, features, notFeatures, size);
        summary.sampled = size();
        summary.powers = new LinkedHashMap<>();
        powers().forEach((feature, power) -> summary.powers.put(feature, power.withGroups(5)));
        return summary;
    }
}
