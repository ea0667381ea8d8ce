package dev.driftwatch.engine.rule;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A row check whose state is a sufficient statistic: checks of one rule fed disjoint parts of the rows, merged, hold
 * what one check fed all the rows holds, so the parts can be counted elsewhere (in Spark tasks) and joined. Counts
 * add up; evidence keeps the first rows by the snapshot's order. Serializable so that parts travel with their
 * state; what a check reads only while it accepts rows (a vocabulary, missing tokens) is transient, so the whole is
 * merged into a fresh check of the rule, which has them. A mergeable check keeps the evidence it shows: it asks for
 * no rows to be revisited ({@link #rowsToRevisit()}). Not thread-safe.
 */
public interface MergeableRowCheck extends Rule.RowCheck, Serializable {
    /**
     * Adds what {@code other}, a check of the same rule fed other rows, counted.
     *
     * @param order the order of rows in the snapshot (by {@link Evidence#source()} and {@link Evidence#line()}), to
     *              keep the first evidence rows of both
     */
    void merge(MergeableRowCheck other, Comparator<Evidence> order);

    /**
     * This check, complete (it has seen or merged every row), in the form that needs to travel to be judged: itself
     * by default; a check holding a sample of rows ({@code target_leakage}) sums it up, so that no row travels. A
     * summary merges only into a fresh check.
     */
    default MergeableRowCheck summarised() {
        return this;
    }

    /** The first {@code limit} rows of two lists of evidence, each in snapshot order, in that order. */
    static List<Evidence> first(List<Evidence> a, List<Evidence> b, Comparator<Evidence> order, int limit) {
        List<Evidence> both = new ArrayList<>(a.size() + b.size());
        both.addAll(a);
        both.addAll(b);
        both.sort(order);
        return new ArrayList<>(both.subList(0, Math.min(limit, both.size())));
    }
}
