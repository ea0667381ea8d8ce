package dev.driftwatch.spec.kinds;

/** Defaults shared by several rule kinds. */
final class Defaults {
    /** Evidence rows (or groups) per result unless {@code max_evidence} says otherwise. */
    static final int EVIDENCE = 10;

    private Defaults() {
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
