package dev.driftwatch.engine.rule.rows;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.data.RowDerivation;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.spill.MemoryBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The local row check of {@code split_leakage}: per exact mode in use, every row's key and location sorted in bounded
 * memory ({@link ExactLeaks}), and for {@code near} every row's band keys and text in temporary files
 * ({@link NearDuplicates}); see {@link SplitLeakageRule} for the memory per row. Not thread-safe, but for the parts of
 * its {@link #completion()}, which may run at once.
 */
final class SplitRows implements Rule.RowCheck, SplitLeakTally {
    private final LeakageKeys keys;
    private final Map<String, SplitIndex> splits = new LinkedHashMap<>();
    private final RowLocations locations = new RowLocations();
    private final Map<LeakageMode, ExactLeaks.Found> found = new ConcurrentHashMap<>();
    private final Map<LeakageMode, RuntimeException> failed = new ConcurrentHashMap<>();
    private final Function<List<String>, List<String[]>> pairsOf;
    private final MemoryBudget rowMemory;
    private final Set<LeakageMode> modes;
    private final int maxEvidence;
    private final NearDuplicates near;
    /** The exact modes in use, in {@link LeakageMode} order, and each one's sorted keys once a row came. */
    private final LeakageMode[] exactModes;
    private final ExactLeaks[] exactKeys;
    /** The near mode's text of the row at hand, its buffer reused from row to row. */
    private final StringBuilder nearText = new StringBuilder();

    /** @param pairsOf the pairs of splits (earlier, later) the rule will compare, given the splits in the order seen */
    SplitRows(LeakageKeys keys, Set<LeakageMode> modes, double jaccard, int maxEvidence, MemoryBudget rowMemory,
              Function<List<String>, List<String[]>> pairsOf) {
        this.keys = keys;
        this.pairsOf = pairsOf;
        this.modes = modes;
        this.maxEvidence = maxEvidence;
        this.near = new NearDuplicates(jaccard, maxEvidence);
        this.rowMemory = rowMemory;
        this.exactModes = modes.stream().filter(mode -> mode != LeakageMode.NEAR
                && (mode != LeakageMode.ID || keys.idColumn() != null)).sorted().toArray(LeakageMode[]::new);
        this.exactKeys = new ExactLeaks[exactModes.length];
    }

    @Override
    public void accept(Row row) {
        SplitIndex index = splits.computeIfAbsent(row.split(), s -> new SplitIndex(s, splits.size()));
        index.rows++;
        long location = locations.of(row);
        for (int i = 0; i < exactModes.length; i++) {
            if (exactKeys[i] == null) {
                exactKeys[i] = new ExactLeaks(rowMemory);
            }
            exactKeys[i].add(keys.key(exactModes[i], row), location);
        }
        if (modes.contains(LeakageMode.NEAR)) {
            near.add(row.split(), location, keys.nearText(row, nearText), keys.key(LeakageMode.NORMALISED, row));
        }
    }

    /**
     * Each split's rows are compared in file order and located by file and line: the order across splits changes
     * nothing, and a split's buffers (its spilled band keys and texts) stay in the caches for its rows of a batch
     * (BENCHMARKS.md, session 19).
     */
    @Override
    public boolean takesRowsSplitBySplit() {
        return true;
    }

    /** The near mode shingles, sketches and spills every row's text: about a fifth of a 10M-row gate's CPU time. */
    @Override
    public boolean worksAlone() {
        return modes.contains(LeakageMode.NEAR);
    }

    /**
     * Walks each exact mode's sorted keys, and searches the near-duplicates of every pair the rule will compare in as
     * many band ranges as the machine has cores (fewer when the heap is small for the rows): parts that may all run at
     * once. A walk that fails fails again when
     * the rule asks for it; a near search that fails is done again then.
     */
    @Override
    public List<Runnable> completion() {
        List<Runnable> parts = new ArrayList<>();
        for (int i = 0; i < exactModes.length; i++) {
            LeakageMode mode = exactModes[i];
            if (exactKeys[i] != null) {
                parts.add(() -> walked(mode));
            }
        }
        if (modes.contains(LeakageMode.NEAR) && splits.size() > 1) {
            near.plan(pairsOf.apply(splits()));
            Runtime runtime = Runtime.getRuntime();
            parts.addAll(near.searchParts(runtime.availableProcessors(), runtime.maxMemory()));
        }
        return parts;
    }

    @Override
    public void completed() {
        near.mergeParts();
    }

    @Override
    public List<RowDerivation<?>> derivations() {
        return keys.derivations(modes);
    }

    @Override
    public LeakageKeys keys() {
        return keys;
    }

    @Override
    public List<String> splits() {
        return new ArrayList<>(splits.keySet());
    }

    @Override
    public long rows(String split) {
        return splits.get(split).rows;
    }

    @Override
    public void plan(List<String[]> pairs) {
        near.plan(pairs);
    }

    @Override
    public String unavailable(LeakageMode mode) {
        return mode == LeakageMode.NEAR && near.failure() != null ? String.valueOf(near.failure()) : null;
    }

    @Override
    public SplitLeaks leaks(LeakageMode mode, String earlierSplit, String laterSplit) {
        SplitIndex earlier = splits.get(earlierSplit);
        SplitIndex later = splits.get(laterSplit);
        List<Evidence> evidence = new ArrayList<>();
        long rows = 0;
        if (mode == LeakageMode.NEAR) {
            NearMatches matches = near.matches(earlier.split, later.split);
            rows = matches.found();
            for (int i : matches.shownRows()) {
                evidence.add(evidence(locations, near.location(later.split, i), earlier.split,
                        near.location(earlier.split, matches.partner(i)), matches.similarity(i)));
            }
        } else {
            ExactLeaks.Found leaks = walked(mode);
            rows = leaks.rows[earlier.index][later.index];
            for (long[] shown : leaks.shown[earlier.index][later.index].ascending()) {
                evidence.add(evidence(locations, shown[0], earlier.split, shown[1], Double.NaN));
            }
        }
        return new SplitLeaks(mode, earlierSplit, laterSplit, rows, evidence);
    }

    @Override
    public void close() {
        near.close();
        for (ExactLeaks keysOfMode : exactKeys) {
            if (keysOfMode != null) {
                keysOfMode.close();
            }
        }
    }

    /** What one walk over a mode's sorted keys found for every pair of splits (once per mode). */
    private ExactLeaks.Found walked(LeakageMode mode) {
        RuntimeException failure = failed.get(mode);
        if (failure != null) {
            throw failure;
        }
        ExactLeaks.Found leaks = found.get(mode);
        if (leaks == null) {
            int index = List.of(exactModes).indexOf(mode);
            ExactLeaks keysOfMode = index < 0 ? null : exactKeys[index];
            if (keysOfMode == null) {
                keysOfMode = new ExactLeaks(rowMemory);
            }
            int[] splitOfOrigin = new int[locations.size()];
            for (int origin = 0; origin < splitOfOrigin.length; origin++) {
                splitOfOrigin[origin] = splits.get(locations.split(RowLocations.first(origin))).index;
            }
            try {
                leaks = keysOfMode.walk(splits.size(), location -> splitOfOrigin[RowLocations.origin(location)], maxEvidence);
            } catch (RuntimeException e) {
                failed.put(mode, e);
                throw e;
            }
            found.put(mode, leaks);
        }
        return leaks;
    }

    /** The rows of one split: their count and, for {@code near}, where each was read. */
    private static final class SplitIndex {
        final String split;
        final int index;
        long rows;

        SplitIndex(String split, int index) {
            this.split = split;
            this.index = index;
        }
    }

    private static Evidence evidence(RowLocations locations, long row, String earlier, long match, double similarity) {
        return SplitLeakageRule.leakEvidence(locations.source(row), RowLocations.line(row), earlier, locations.source(match),
                RowLocations.line(match), similarity);
    }
}
