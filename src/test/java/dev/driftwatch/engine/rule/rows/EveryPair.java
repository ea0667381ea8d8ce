package dev.driftwatch.engine.rule.rows;

/** A sink that wants every candidate pair and hands each verified one to a test's consumer. */
final class EveryPair implements NearDuplicateSearch.Sink {
    /** Receives a verified pair. */
    interface Found {
        void found(int later, int earlier, double similarity);
    }

    private final Found found;

    EveryPair(Found found) {
        this.found = found;
    }

    @Override
    public boolean wants(int later) {
        return true;
    }

    @Override
    public void found(int later, int earlier, double similarity) {
        found.found(later, earlier, similarity);
    }
}
