package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.profile.CategoricalSummary;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.NumberText;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.profile.ValueType;
import java.util.OptionalLong;

/**
 * How many present values of a stored profile's column a missing token matches, from exact figures only: none
 * when the column has no value of the token's type, the count of zeros for a zero token in a column of numbers,
 * else the column's value counts while they are exact. A stored profile does not depend on rules, so this is
 * how a rule with tokens of its own compares with a reference. Stateless.
 */
final class ReferenceTokenCount {
    private ReferenceTokenCount() {
    }

    /**
     * @param token   the token, stripped
     * @param numeric true when number tokens match numerically in this column
     * @return the count, or empty when the profile cannot tell exactly
     */
    static OptionalLong of(ColumnProfile column, String token, boolean numeric) {
        boolean byNumber = numeric && NumberText.isNumber(token);
        long candidates = byNumber
                ? column.typeCounts().getOrDefault(ValueType.INTEGER, 0L) + column.typeCounts().getOrDefault(ValueType.DECIMAL, 0L)
                : column.typeCounts().getOrDefault(ValueType.of(token), 0L);
        if (candidates == 0) {
            return OptionalLong.of(0);
        }
        if (byNumber && NumberText.value(token).signum() == 0 && column.numeric() != null) {
            return OptionalLong.of(column.numeric().zeros());
        }
        CategoricalSummary values = column.categorical();
        if (values == null || !values.exact()) {
            return OptionalLong.empty();
        }
        long count = 0;
        for (ValueCount value : values.values()) {
            String stripped = value.value().strip();
            if (stripped.equals(token) || byNumber && NumberText.sameNumber(stripped, token)) {
                count += value.count();
            }
        }
        return OptionalLong.of(count);
    }
}
