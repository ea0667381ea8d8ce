package dev.driftwatch.report.html;

import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import java.util.Optional;

/**
 * What the charts of a split are drawn against, as the rules compare it: the same split of the reference
 * snapshot, or, when the dataset's reference is a split ({@code reference: {split: train}}), that split of the
 * same snapshot (for every other split). Immutable.
 */
public final class ChartReference {
    private static final ChartReference NONE = new ChartReference(null, null);

    private final SnapshotProfile profile;
    private final String split;

    private ChartReference(SnapshotProfile profile, String split) {
        this.profile = profile;
        this.split = split;
    }

    public static ChartReference none() {
        return NONE;
    }

    /** The same split of a reference snapshot's profile; none when it is null. */
    public static ChartReference snapshot(SnapshotProfile reference) {
        return reference == null ? NONE : new ChartReference(reference, null);
    }

    /**
     * By the dataset's policy: the split named by a split policy within {@code current}, else the reference
     * snapshot's profile (or none when it is null).
     */
    public static ChartReference of(ReferencePolicy policy, SnapshotProfile current, SnapshotProfile reference) {
        if (policy != null && policy.kind() == ReferencePolicy.Kind.SPLIT && current != null) {
            return new ChartReference(current, policy.split());
        }
        return snapshot(reference);
    }

    /** The profile a split is compared with; empty for the reference split itself and when there is none. */
    public Optional<SplitProfile> of(String currentSplit) {
        if (profile == null || currentSplit.equals(split)) {
            return Optional.empty();
        }
        return profile.split(split == null ? currentSplit : split);
    }

    /** The legend of the reference's series: "reference", or "split train". */
    public String name() {
        return split == null ? "reference" : "split " + split;
    }

    public boolean exists() {
        return profile != null;
    }

    /** The reference snapshot's profile, or null when there is none or the reference is a split. */
    SnapshotProfile snapshotProfile() {
        return split == null ? profile : null;
    }
}
