package dev.driftwatch.engine.suggest;

import dev.driftwatch.engine.dataset.StandaloneSnapshot;
import dev.driftwatch.engine.profile.SplitProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rules file for a snapshot, suggested from its profile (taken without roles) and the roles inferred from it.
 * {@link #yaml} writes it; given what a first draft's rules measured on the same snapshot, its row checks
 * (duplicates, conflicts, leakage) get thresholds from those figures too. Immutable.
 *
 * @param name     the dataset's name
 * @param snapshot where the snapshot is and how it is read
 * @param profile  the snapshot's only split ({@code all}), profiled without roles
 * @param roles    the roles inferred from that profile
 */
public record RulesSuggestion(String name, StandaloneSnapshot snapshot, SplitProfile profile, SuggestedRoles roles) {
    public RulesSuggestion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(roles, "roles");
    }

    /** The rules file as YAML text, its thresholds from the profile and from {@code measured} where it has them. */
    public String yaml(Measurements measured) {
        return new RulesYamlWriter().write(name, snapshot, profile.rows(), roles, rules(measured));
    }

    List<RuleDraft> rules(Measurements measured) {
        var names = new RuleNames();
        var columns = new ColumnRuleDrafts(roles, profile, measured, names);
        List<RuleDraft> rules = new ArrayList<>(columns.missingValues());
        rules.addAll(columns.types());
        rules.addAll(columns.ranges());
        rules.addAll(new DatasetRuleDrafts(roles, profile, measured, names).all());
        return rules;
    }
}
