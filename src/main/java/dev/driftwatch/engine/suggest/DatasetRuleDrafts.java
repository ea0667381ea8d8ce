package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.profile.CategoricalSummary;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.RuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rules the roles allow over whole rows and between snapshots: duplicates, conflicts, leakage, labels, drift. */
final class DatasetRuleDrafts {
    private final SuggestedRoles roles;
    private final SplitProfile profile;
    private final Measurements measured;
    private final RuleNames names;

    DatasetRuleDrafts(SuggestedRoles roles, SplitProfile profile, Measurements measured, RuleNames names) {
        this.roles = roles;
        this.profile = profile;
        this.measured = measured;
        this.names = names;
    }

    List<RuleDraft> all() {
        List<RuleDraft> drafts = new ArrayList<>();
        drafts.add(rowCount());
        drafts.add(duplicates());
        if (!roles.inputs().isEmpty()) {
            drafts.add(conflicts());
        }
        roles.first(ColumnRole.LABEL).ifPresent(label -> {
            drafts.add(balance(label));
            if (roles.inputs().stream().anyMatch(c -> roles.of(ColumnRole.NUMERIC).contains(c)
                    || roles.of(ColumnRole.CATEGORICAL).contains(c))) {
                drafts.add(targetLeakage());
            }
        });
        if (!roles.categories().isEmpty()) {
            drafts.add(newCategories());
            drafts.add(spellings());
        }
        roles.first(ColumnRole.TAGS).ifPresent(tags -> drafts.add(newTags(tags)));
        List<String> drifting = new ArrayList<>(roles.of(ColumnRole.NUMERIC));
        drifting.addAll(roles.categories());
        roles.first(ColumnRole.TAGS).ifPresent(drifting::add);
        if (!drifting.isEmpty()) {
            drafts.add(new RuleDraft(names.unique("drift"), "distribution_shift", "warn",
                    "numbers, categories and the target against the reference (the previous snapshot, or check --reference)",
                    List.of(new RuleDraft.Param("columns", YamlText.list(drifting), null))));
        }
        return drafts;
    }

    private RuleDraft rowCount() {
        long rows = profile.rows();
        return new RuleDraft(names.unique("row-count"), "row_count", "warn",
                String.format(Locale.ROOT, "%,d rows in this snapshot; fewer than half as many is suspicious", rows),
                List.of(new RuleDraft.Param("min", Long.toString(Math.max(1, rows / 2)), "half of " + rows)));
    }

    private RuleDraft duplicates() {
        Optional<RuleResult> result = measured.largest("duplicate_rows", null);
        double share = result.map(RuleResult::observed).orElse(0.0);
        String seen = result.map(RuleResult::message).orElse("no rows measured yet");
        return new RuleDraft(names.unique("duplicate-rows"), "duplicate_rows", "warn",
                "rows repeating another in every column but the id; measured: " + seen,
                List.of(new RuleDraft.Param("max_ratio", YamlText.number(Headroom.shareOrZero(share)),
                        "observed " + ColumnRuleDrafts.ratio(share))));
    }

    private RuleDraft conflicts() {
        Optional<RuleResult> result = measured.largest("conflicting_labels", null);
        long groups = Math.round(result.map(RuleResult::observed).orElse(0.0));
        String seen = result.map(RuleResult::message).orElse("no rows measured yet");
        return new RuleDraft(names.unique("conflicting-labels"), "conflicting_labels", "error",
                "rows with equal inputs (" + roles.inputs().size() + " columns) but another label; measured: " + seen,
                List.of(new RuleDraft.Param("max_groups", Long.toString(groups), "observed " + groups + " groups")));
    }

    private RuleDraft balance(String label) {
        CategoricalSummary classes = profile.columns().get(label).categorical();
        List<ValueCount> counts = classes == null ? List.of() : classes.values();
        long largest = counts.stream().mapToLong(ValueCount::count).max().orElse(0);
        long smallest = counts.stream().mapToLong(ValueCount::count).min().orElse(0);
        double ratio = measured.largest("class_balance", null).map(RuleResult::observed)
                .orElse(smallest == 0 ? 1.0 : (double) largest / smallest);
        double threshold = Math.ceil(Math.max(ratio * 1.5, 2) * 10) / 10;
        return new RuleDraft(names.unique("label-balance"), "class_balance", "warn",
                String.format(Locale.ROOT, "%s: %d classes, the largest %,d rows, the smallest %,d", label, counts.size(),
                        largest, smallest),
                List.of(new RuleDraft.Param("max_imbalance_ratio", YamlText.number(threshold),
                        String.format(Locale.ROOT, "observed %.2f, times 1.5", ratio))));
    }

    private RuleDraft targetLeakage() {
        Optional<RuleResult> result = measured.largest("target_leakage", null);
        double power = result.map(RuleResult::observed).orElse(0.0);
        double threshold = Math.min(1, Math.max(0.95, Headroom.ceil3(power + 0.02)));
        return new RuleDraft(names.unique("target-leakage"), "target_leakage", "warn",
                "no single column predicts the label almost perfectly; measured: " + result.map(RuleResult::message).orElse("nothing yet"),
                List.of(new RuleDraft.Param("max_power", YamlText.number(threshold),
                        String.format(Locale.ROOT, "the strongest column's power %.3f; default 0.95", power))));
    }

    private RuleDraft newCategories() {
        List<String> columns = roles.categories();
        String counts = String.join(", ", columns.stream().map(c -> c + " " + distinct(c)).toList());
        return new RuleDraft(names.unique("new-categories"), "new_categories", "warn",
                "values the reference lacks; distinct values now: " + counts,
                List.of(new RuleDraft.Param("columns", YamlText.list(columns), null)));
    }

    private RuleDraft spellings() {
        List<String> columns = roles.categories();
        long groups = Math.round(measured.largest("inconsistent_values", null).map(RuleResult::observed)
                .orElse((double) columns.stream().mapToLong(this::spellingGroups).max().orElse(0)));
        return new RuleDraft(names.unique("spellings"), "inconsistent_values", "warn",
                "values spelled several ways (IT, I.T., it) in the category columns",
                List.of(new RuleDraft.Param("columns", YamlText.list(columns), null),
                        new RuleDraft.Param("max_groups", Long.toString(groups), "observed " + groups + " groups")));
    }

    private RuleDraft newTags(String tags) {
        return new RuleDraft(names.unique("new-tags"), "unseen_tags", "warn",
                "tags of " + tags + " that the reference lacks (declare a vocabulary to check tags against it)",
                List.of(new RuleDraft.Param("checks", "[new]", null)));
    }

    private long distinct(String column) {
        ColumnProfile profiled = profile.columns().get(column);
        return profiled == null ? 0 : profiled.distinct();
    }

    private long spellingGroups(String column) {
        ColumnProfile profiled = profile.columns().get(column);
        return profiled == null || profiled.categorical() == null ? 0 : profiled.categorical().spellingGroups().size();
    }
}
