package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.util.List;
import java.util.Optional;

/**
 * One declared check. A rule may watch the rows as they stream by (for checks no profile can answer, such as
 * duplicates, or for parameters of its own, which never reach the shared profile), and then judges the profile.
 * Implementations are immutable; per-run state lives in the {@link RowCheck} a rule hands out.
 */
public interface Rule {
    String name();

    /** The rule kind, as written in rules files ({@code missing_values}, ...). */
    String kind();

    Severity severity();

    /**
     * Adds what this rule needs the profile to measure. The stored profile must not depend on which rules exist,
     * so nothing that carries a rule's own parameters belongs here: those go in the rule's row check.
     */
    default void declare(ProfileRequest.Builder request) {
    }

    /** A fresh per-run watcher of rows, for rules that need rows rather than the profile. */
    default Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        return Optional.empty();
    }

    /** As {@link #newRowCheck(DatasetDefinition)}, for rules that also need the snapshot's tag vocabulary. */
    default Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary) {
        return newRowCheck(dataset);
    }

    /**
     * As {@link #newRowCheck(DatasetDefinition, VocabularyLookup)}, for a run whose row checks sort rows in bounded
     * memory: they draw on the run's {@code row_memory}, shared with the profile's and every other check's buffers.
     * Called without it, such a check has a budget of {@code row_memory} of its own.
     */
    default Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary, MemoryBudget rowMemory) {
        return newRowCheck(dataset, vocabulary);
    }

    /**
     * Judges the snapshot.
     *
     * @param rowCheck the watcher this rule handed out for this run, after it saw every row, or null
     * @return one result per target; never empty
     */
    List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck);

    /** Watches rows during the profiling pass. Called from one thread at a time. */
    interface RowCheck {
        void accept(Row row);

        /**
         * What this check's state depends on: a run feeds one check per distinct key and hands it to every rule
         * whose check has that key (equal parameters share a state). By default every check is its own.
         */
        default Object key() {
            return this;
        }

        /**
         * The per-row values this check reads with {@link Row#derived}: a run computes each distinct one once per
         * row, on its profiling threads, for every check that names it.
         */
        default List<RowDerivation<?>> derivations() {
            return List.of();
        }

        /**
         * True when what this check finds does not depend on the order of rows of different splits, and it numbers no
         * rows by their arrival ({@link #rowsToRevisit}): a run may then hand it each batch split by split
         * ({@link dev.driftwatch.engine.data.SplitBySplitConsumer}). False by default.
         */
        default boolean takesRowsSplitBySplit() {
            return false;
        }

        /**
         * True when this check does much more per row than counting (sketching and spilling every row's text): a run
         * then gives it a thread of its own ({@link dev.driftwatch.engine.data.OwnThreadConsumer}), while lighter
         * checks take turns on threads they share. False by default.
         */
        default boolean worksAlone() {
            return false;
        }

        /**
         * Called once after the last row, before {@link #rowsToRevisit}: the independent parts that finish what the
         * check kept (sorting, merging, searching) as far as it can without the profile. A run runs the parts of all
         * its checks at once on all its cores, then calls {@link #completed()}. A part that fails keeps its failure
         * for the check's judging (the run ignores what it throws), or leaves its work to be done then. Optional: none by default, and a check whose parts did not run does their work
         * when judged.
         */
        default List<Runnable> completion() {
            return List.of();
        }

        /** Called once, on the run's thread, after every part of {@link #completion()} ran. */
        default void completed() {
        }

        /**
         * Called once after the last row: the numbers of the rows (from 0, in the order {@link #accept} saw them,
         * ascending) this check wants handed to {@link #revisit} by a second read that stops after the last of them,
         * to show their values in evidence without keeping rows during the pass. None by default.
         */
        default long[] rowsToRevisit() {
            return new long[0];
        }

        /** One of the rows {@link #rowsToRevisit} asked for, read again. */
        default void revisit(long number, Row row) {
        }
    }
}
