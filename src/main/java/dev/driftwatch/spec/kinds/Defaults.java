package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.EvidenceLimit;
import dev.driftwatch.engine.rule.Rule;

/** Defaults shared by several rule kinds. */
final class Defaults {
    /** Evidence rows (or groups) per result unless {@code max_evidence} says otherwise. */
    static final int EVIDENCE = 10;

    private Defaults() {
    }

    /** The rule, its results cut to {@code max_evidence} rows, for kinds that do not choose their evidence by it. */
    static Rule limited(Rule rule, Integer maxEvidence) {
        return new EvidenceLimit(rule, evidence(maxEvidence));
    }

    static int evidence(Integer maxEvidence) {
        if (maxEvidence == null) {
            return EVIDENCE;
        }
        if (maxEvidence < 0) {
            throw new IllegalArgumentException("max_evidence: expected 0 or more but found " + maxEvidence);
        }
        return maxEvidence;
    }
}
