package dev.driftwatch.engine.suggest;

/** How far a suggested threshold sits above what a snapshot showed, so that the same data passes with room. */
final class Headroom {
    private Headroom() {
    }

    /** A share's threshold: the observed share plus a tenth of it, at least one point more; rounded up to 0.001. */
    static double share(double observed) {
        return Math.min(1, ceil3(observed + Math.max(0.01, observed * 0.1)));
    }

    /** A share's threshold that stays 0 when nothing was observed (a warning on the first case is useful). */
    static double shareOrZero(double observed) {
        return observed <= 0 ? 0 : share(observed);
    }

    /** Rounds up to three decimals, ignoring a representation error below 1e-9. */
    static double ceil3(double value) {
        return Math.ceil(value * 1000 - 1e-6) / 1000;
    }
}
