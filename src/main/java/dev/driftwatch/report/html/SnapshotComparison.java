package dev.driftwatch.report.html;

import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.RuleResult;
import java.util.List;
import java.util.Objects;

/**
 * Two snapshots of a dataset judged against each other from their stored profiles.
 *
 * @param results     the results of the rules that need only profiles, {@code to} judged against {@code from}
 * @param rowRules    the names of the rules that need the rows and are not judged from profiles
 */
public record SnapshotComparison(String from, SnapshotProfile fromProfile, String to, SnapshotProfile toProfile,
                                 List<RuleResult> results, List<String> rowRules) {
    public SnapshotComparison {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(fromProfile, "fromProfile");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(toProfile, "toProfile");
        results = List.copyOf(results);
        rowRules = List.copyOf(rowRules);
    }
}
