package dev.driftwatch.spec.kinds;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.driftwatch.engine.rule.TextNormalisation;

/**
 * The {@code normalise:} key of rules that compare text: each step on unless switched off
 * ({@code normalise: {punctuation: false}}).
 */
public record Normalise(@JsonProperty("case") Boolean caseFold, Boolean whitespace, Boolean punctuation,
                        Boolean unicode) {
    static TextNormalisation of(Normalise n) {
        if (n == null) {
            return TextNormalisation.all();
        }
        return new TextNormalisation(on(n.unicode), on(n.caseFold), on(n.punctuation), on(n.whitespace));
    }

    private static boolean on(Boolean value) {
        return value == null || value;
    }
}
