package dev.driftwatch.engine.profile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The present values of a column with their counts: exact while the column has at most
 * {@value ColumnAccumulator#EXACT_VALUES} distinct values, estimates from a Misra-Gries summary beyond
 * (then {@link #exact()} is false and a count may be too high by at most {@link #maxError()}, about 0.2% of
 * {@link #total()}).
 * Immutable once built.
 */
public final class CategoricalSummary {
    private final FrequencyCounter counter;

    CategoricalSummary(FrequencyCounter counter) {
        this.counter = counter;
    }

    public boolean exact() {
        return counter.isExact();
    }

    /** The most a count may be overestimated by; 0 when exact. */
    public long maxError() {
        return counter.maxError();
    }

    /** Present values counted. */
    public long total() {
        return counter.total();
    }

    /** The most frequent values, most frequent first, ties by value. */
    public List<ValueCount> top(int limit) {
        return counter.top(limit);
    }

    /** Every tracked value (all of them when exact), most frequent first. */
    public List<ValueCount> values() {
        return counter.top(Integer.MAX_VALUE);
    }

    /** Present values outside the {@code limit} most frequent ones (the "rest" bucket of a top-K comparison). */
    public long rest(int limit) {
        return total() - top(limit).stream().mapToLong(ValueCount::count).sum();
    }

    /** {@link #rest(int)} as a figure: the top counts may each be up to the error too high, so the rest that much higher. */
    public Figure restFigure(int limit) {
        List<ValueCount> top = top(limit);
        long rest = total() - top.stream().mapToLong(ValueCount::count).sum();
        long most = total() - top.stream().mapToLong(v -> Math.max(1, v.count() - maxError())).sum();
        return exact() ? Figure.exact(rest) : Figure.estimate(rest, rest, most);
    }

    /** The rows of some tracked values together: exact, or their estimates' sum, each up to the error too high. */
    public Figure rowsOf(List<ValueCount> values) {
        long rows = values.stream().mapToLong(ValueCount::count).sum();
        if (exact()) {
            return Figure.exact(rows);
        }
        return Figure.estimate(rows, values.stream().mapToLong(v -> Math.max(1, v.count() - maxError())).sum(), rows);
    }

    /** Counts as figures: exact, or estimates within {@link #maxError()}. */
    public List<CountFigure> figures(List<ValueCount> counts) {
        return CountFigure.of(counts, maxError());
    }

    /** The count of one value (exact, or an estimate; 0 when not tracked). */
    public long count(String value) {
        return counter.estimate(value);
    }

    /** Groups of two or more spellings that normalise to the same key, largest group first. */
    public List<SpellingGroup> spellingGroups() {
        Map<String, List<ValueCount>> byKey = new LinkedHashMap<>();
        for (ValueCount value : values()) {
            byKey.computeIfAbsent(normalise(value.value()), k -> new ArrayList<>()).add(value);
        }
        List<SpellingGroup> groups = new ArrayList<>();
        byKey.forEach((key, spellings) -> {
            if (spellings.size() > 1 && !key.isEmpty()) {
                groups.add(new SpellingGroup(key, spellings, spellings.stream().mapToLong(ValueCount::count).sum()));
            }
        });
        groups.sort(Comparator.comparingLong(SpellingGroup::count).reversed().thenComparing(SpellingGroup::key));
        return groups;
    }

    /** NFKC, lower case, letters and digits only; a number is kept as that number ({@code 1.5} and {@code 15} stay apart). */
    public static String normalise(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String stripped = folded.strip();
        if (!stripped.isEmpty() && NumberText.isNumber(stripped)) {
            return NumberText.canonical(stripped);
        }
        var key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
