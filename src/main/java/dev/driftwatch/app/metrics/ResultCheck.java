package dev.driftwatch.app.metrics;

import dev.driftwatch.engine.rule.RuleResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which measurement of its rule a result is, for rules that report several results on the same
 * column and split: the drift method of a {@code distribution_shift} result ({@code ks}, {@code chi2},
 * {@code psi}, {@code wasserstein}, {@code js}, or {@code oov} for a text column's unknown words), the
 * check of an {@code unseen_tags} result ({@code out_of_vocabulary}, {@code rare}, {@code new}), else
 * empty. The engine's results carry it only in their message, so it is read from there; a message that
 * matches nothing gives the empty check. Bounded: a handful of values. Stateless.
 */
public final class ResultCheck {
    private static final Pattern DRIFT_METHOD = Pattern.compile(": (ks|chi2|psi|wasserstein|js)\\b");

    private ResultCheck() {
    }

    public static String of(RuleResult result) {
        String message = result.message();
        if (result.kind().equals("distribution_shift")) {
            Matcher matcher = DRIFT_METHOD.matcher(message);
            if (matcher.find()) {
                return matcher.group(1);
            }
            return message.contains("words never occur") ? "oov" : "";
        }
        if (result.kind().equals("unseen_tags")) {
            if (message.contains("outside the vocabulary")) {
                return "out_of_vocabulary";
            }
            if (message.contains(" used by fewer than ")) {
                return "rare";
            }
            return message.contains(" new since ") ? "new" : "";
        }
        return "";
    }
}
