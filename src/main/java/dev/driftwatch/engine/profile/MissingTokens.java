package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.dataset.ColumnRoles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values that mean "missing" in one column besides null, empty and blank ({@code ?}, {@code N/A}, a
 * {@code 0} that means "not measured"). A value matches a token when, stripped of surrounding white space, it
 * is the token as written; in a column that holds numbers, a token that is a number also matches every value
 * that is the same number ({@code "0"} matches {@code 0.0}, {@code 0.00}, {@code -0}; see {@link NumberText}).
 * Immutable and thread-safe.
 */
public final class MissingTokens {
    public static final MissingTokens NONE = new MissingTokens(Set.of(), false);

    private final Set<String> tokens;
    private final List<String> numberTokens = new ArrayList<>();
    private final List<BigDecimal> numberValues = new ArrayList<>();
    private final double[] approximate;

    /**
     * @param tokens  the tokens as declared (surrounding white space is ignored)
     * @param numeric true when the column holds numbers, so number tokens match numerically
     */
    public MissingTokens(Collection<String> tokens, boolean numeric) {
        this.tokens = new TreeSet<>();
        tokens.forEach(token -> this.tokens.add(token.strip()));
        if (numeric) {
            for (String token : this.tokens) {
                if (NumberText.isNumber(token)) {
                    numberTokens.add(token);
                    numberValues.add(NumberText.value(token));
                }
            }
        }
        approximate = numberValues.stream().mapToDouble(BigDecimal::doubleValue).toArray();
    }

    /** The dataset's own tokens for a column ({@code columns.missing_tokens}), numeric where the column may hold numbers. */
    public static MissingTokens of(ColumnRoles roles, String column) {
        Set<String> declared = roles.missingTokensOf(column);
        return declared.isEmpty() ? NONE : new MissingTokens(declared, !roles.comparedAsText(column));
    }

    /** Other tokens for a column, numeric where the dataset's roles let the column hold numbers. */
    public static MissingTokens of(Collection<String> tokens, ColumnRoles roles, String column) {
        return tokens.isEmpty() ? NONE : new MissingTokens(tokens, !roles.comparedAsText(column));
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The tokens, sorted. */
    public Set<String> tokens() {
        return java.util.Collections.unmodifiableSet(tokens);
    }

    /** True when number tokens match numerically here. */
    public boolean numeric() {
        return !numberTokens.isEmpty();
    }

    /** The token a present value matches (as declared), or null when it matches none. */
    public String match(String value) {
        if (tokens.isEmpty()) {
            return null;
        }
        String stripped = value.strip();
        if (tokens.contains(stripped)) {
            return stripped;
        }
        if (numberTokens.isEmpty() || stripped.isEmpty() || !NumberText.isNumber(stripped)) {
            return null;
        }
        double approx = PlainDecimal.parse(stripped);
        BigDecimal exact = null;
        for (int i = 0; i < approximate.length; i++) {
            // equal decimals are equal doubles, so a different double rules a token out without BigDecimal
            if (approximate[i] == approx) {
                exact = exact == null ? NumberText.value(stripped) : exact;
                if (exact.compareTo(numberValues.get(i)) == 0) {
                    return numberTokens.get(i);
                }
            }
        }
        return null;
    }
}
