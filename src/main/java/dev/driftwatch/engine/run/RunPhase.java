package dev.driftwatch.engine.run;

/** The parts of a run that follow one another, each with its {@link dev.driftwatch.engine.cost.Cost}. */
public enum RunPhase {
    /** Reading and profiling the reference snapshot, or loading its stored profile; before the snapshot's pass. */
    REFERENCE("reference"),
    /**
     * Reading and profiling the snapshot in one pass, then completing the row checks (their sorting, merging and
     * searching, on every core at once). Row checks watch the pass on threads of their own: their cost, completion
     * included, is their rules', not this phase's CPU time.
     */
    SNAPSHOT("snapshot"),
    /** Judging: every rule's {@code evaluate}, one after the other. */
    RULES("rules");

    private final String id;

    RunPhase(String id) {
        this.id = id;
    }

    /** The lower-case name reports and metrics use. */
    public String id() {
        return id;
    }
}
