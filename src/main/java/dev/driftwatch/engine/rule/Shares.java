package dev.driftwatch.engine.rule;

/** Checks the share-valued parameters of rules (ratios, rates, differences), naming the key in the message. */
public final class Shares {
    private Shares() {
    }

    /** @throws IllegalArgumentException "key: expected a share between 0 and 1 but found x" */
    public static double require(double share, String key) {
        if (share < 0 || share > 1 || Double.isNaN(share)) {
            throw new IllegalArgumentException(key + ": expected a share between 0 and 1 but found " + share);
        }
        return share;
    }
}
