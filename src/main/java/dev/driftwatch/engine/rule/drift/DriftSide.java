package dev.driftwatch.engine.rule.drift;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One side of a comparison: a split seen in this run (complete summaries), or a split of a stored
 * reference profile (numbers from its nine quantiles, categories from its top values; no text
 * lengths, words or tags per row, so those measures report that they cannot be compared).
 */
interface DriftSide {
    long rows();

    Optional<NumericDistribution> numbers(String column);

    /** Category (or tag) counts; empty when unknown. */
    Optional<Map<String, Long>> counts(String column);

    Optional<Map<String, Long>> words(String column);

    static DriftSide of(long rows, Map<String, ColumnSamples.Column> columns) {
        return new DriftSide() {
            @Override
            public long rows() {
                return rows;
            }

            @Override
            public Optional<NumericDistribution> numbers(String column) {
                ColumnSamples.Column c = columns.get(column);
                return c == null || c.n == 0 ? Optional.empty() : Optional.of(NumericDistribution.of(c.numbers, c.stdDev()));
            }

            @Override
            public Optional<Map<String, Long>> counts(String column) {
                ColumnSamples.Column c = columns.get(column);
                return c == null ? Optional.empty() : Optional.of(c.counts);
            }

            @Override
            public Optional<Map<String, Long>> words(String column) {
                ColumnSamples.Column c = columns.get(column);
                return c == null ? Optional.empty() : Optional.of(c.words);
            }
        };
    }

    static DriftSide of(SplitProfile profile) {
        return new DriftSide() {
            @Override
            public long rows() {
                return profile.rows();
            }

            @Override
            public Optional<NumericDistribution> numbers(String column) {
                return profile.column(column).map(ColumnProfile::numeric).map(NumericDistribution::of);
            }

            @Override
            public Optional<Map<String, Long>> counts(String column) {
                return profile.column(column).map(c -> {
                    Map<String, Long> counts = new TreeMap<>();
                    for (ValueCount value : c.topValues()) {
                        counts.put(value.value(), value.count());
                    }
                    long rest = c.count() - c.missing() - counts.values().stream().mapToLong(Long::longValue).sum();
                    if (rest > 0 && c.type() != dev.driftwatch.engine.profile.ValueType.LIST) {
                        counts.put(ColumnSamples.OTHER, rest);
                    }
                    return counts;
                });
            }

            @Override
            public Optional<Map<String, Long>> words(String column) {
                return Optional.empty();
            }
        };
    }
}
