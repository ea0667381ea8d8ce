package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.NumericSummary;
import dev.driftwatch.engine.profile.SplitProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules one column's own figures suggest: missing values, types and ranges, thresholds from the profile. */
final class ColumnRuleDrafts {
    private final SuggestedRoles roles;
    private final SplitProfile profile;
    private final Measurements measured;
    private final RuleNames names;

    ColumnRuleDrafts(SuggestedRoles roles, SplitProfile profile, Measurements measured, RuleNames names) {
        this.roles = roles;
        this.profile = profile;
        this.measured = measured;
        this.names = names;
    }

    /** Columns without a missing value share one rule; each other column gets its own threshold. */
    List<RuleDraft> missingValues() {
        List<RuleDraft> drafts = new ArrayList<>();
        List<String> complete = profile.columns().values().stream().filter(c -> missingShare(c) == 0).map(ColumnProfile::column).toList();
        if (!complete.isEmpty()) {
            drafts.add(new RuleDraft(names.unique("complete-columns"), "missing_values", "error",
                    "no value is missing in these " + complete.size() + " columns; allow 1% before failing",
                    List.of(new RuleDraft.Param("columns", YamlText.list(complete), null),
                            new RuleDraft.Param("max_ratio", YamlText.number(Headroom.share(0)), "observed 0"))));
        }
        for (ColumnProfile column : profile.columns().values()) {
            double share = missingShare(column);
            if (share == 0) {
                continue;
            }
            double threshold = Headroom.share(share);
            drafts.add(new RuleDraft(names.unique("missing-" + RuleNames.slug(column.column())), "missing_values", "error",
                    String.format(Locale.ROOT, "%s: %,d of %,d values missing (%s) %s", column.column(), column.missing(),
                            column.count(), percent(share), column.missingByReason()),
                    List.of(new RuleDraft.Param("columns", YamlText.list(List.of(column.column())), null),
                            new RuleDraft.Param("max_ratio", YamlText.number(threshold),
                                    "observed " + ratio(share) + " plus a tenth, at least one point"))));
        }
        return drafts;
    }

    /** The missing share as the rule measured it (an empty list of tags counts), else as the profile did. */
    private double missingShare(ColumnProfile column) {
        return measured.largest("missing_values", column.column()).map(r -> r.observed()).orElse(column.missingRatio());
    }

    /** Columns of one type share an error rule at 0; mixed columns (numbers stored as text) a warning above what they hold. */
    List<RuleDraft> types() {
        List<RuleDraft> drafts = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (ColumnEvidence evidence : roles.columns()) {
            if (evidence.role() == ColumnRole.TEXT || evidence.role() == ColumnRole.TAGS) {
                continue;
            }
            ColumnProfile column = profile.columns().get(evidence.column());
            double share = measured.largest("type_consistency", evidence.column()).map(r -> r.observed())
                    .orElse(column.mismatchedShare());
            if (share == 0) {
                typed.add(evidence.column());
                continue;
            }
            drafts.add(new RuleDraft(names.unique("type-" + RuleNames.slug(evidence.column())), "type_consistency", "warn",
                    String.format(Locale.ROOT, "%s mixes types: %,d of %,d present values are not %s (%s)", evidence.column(),
                            column.mismatched(), column.present(), String.valueOf(column.type()).toLowerCase(Locale.ROOT),
                            percent(share)),
                    List.of(new RuleDraft.Param("columns", YamlText.list(List.of(evidence.column())), null),
                            new RuleDraft.Param("max_ratio", YamlText.number(Headroom.share(share)),
                                    "observed " + ratio(share) + " plus a tenth, at least one point"))));
        }
        if (!typed.isEmpty()) {
            drafts.add(0, new RuleDraft(names.unique("types"), "type_consistency", "error",
                    "every present value of these " + typed.size() + " columns has the column's type",
                    List.of(new RuleDraft.Param("columns", YamlText.list(typed), null),
                            new RuleDraft.Param("max_ratio", "0", "observed 0"))));
        }
        return drafts;
    }

    /** The observed range of each numeric column, widened by a tenth of its span (not below 0 for a column without negatives). */
    List<RuleDraft> ranges() {
        List<RuleDraft> drafts = new ArrayList<>();
        for (String name : roles.of(ColumnRole.NUMERIC)) {
            NumericSummary numbers = profile.columns().get(name).numeric();
            if (numbers == null || numbers.count() == 0) {
                continue;
            }
            double span = numbers.max() - numbers.min();
            double low = numbers.min() - span / 10;
            low = numbers.min() >= 0 && low < 0 ? 0 : low;
            double high = numbers.max() + span / 10;
            int scale = span == 0 ? 6 : 1 - (int) Math.floor(Math.log10(span));
            String observed = "observed " + YamlText.number(numbers.min()) + " to " + YamlText.number(numbers.max());
            drafts.add(new RuleDraft(names.unique("range-" + RuleNames.slug(name)), "value_range", "warn",
                    String.format(Locale.ROOT, "%s: %,d numbers from %s to %s, mean %s", name, numbers.count(),
                            YamlText.number(numbers.min()), YamlText.number(numbers.max()), round(numbers.mean(), scale + 1)),
                    List.of(new RuleDraft.Param("columns", YamlText.list(List.of(name)), null),
                            new RuleDraft.Param("min", rounded(low, scale, RoundingMode.FLOOR), observed),
                            new RuleDraft.Param("max", rounded(high, scale, RoundingMode.CEILING), "a tenth of the span beyond"))));
        }
        return drafts;
    }

    private static String rounded(double value, int scale, RoundingMode mode) {
        return YamlText.number(BigDecimal.valueOf(value).setScale(Math.max(scale, 0), mode).doubleValue());
    }

    private static String round(double value, int scale) {
        return YamlText.number(BigDecimal.valueOf(value).setScale(Math.max(scale, 0), RoundingMode.HALF_UP).doubleValue());
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String ratio(double share) {
        return String.format(Locale.ROOT, "%.4f", share);
    }
}
