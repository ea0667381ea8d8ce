package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.spill.SortedRuns;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The row rules keep a few primitive values per row, never an object: 300,000 distinct rows (the worst
 * case: every row its own fingerprint and group) retained through each rule's row check must stay far
 * below what one {@code Evidence} or boxed map entry per row would take (hundreds of bytes).
 */
class RowRulesMemoryTest {
    private static final int ROWS = 300_000;
    /**
     * With the smallest row memory the retained heap is a fixed ~500 KB a rule; over this many rows that is well under
     * the bound of 2 bytes a row, so a few hundred KB allocated meanwhile by other threads of the test JVM cannot fail
     * it.
     */
    private static final int SPILLING_ROWS = 1_200_000;
    private static final Header HEADER = new Header(List.of("id", "title", "description", "tag"));
    private static final DatasetDefinition DATASET = new DatasetDefinition("memory", Path.of("."),
            new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "rows.csv"), null, null, null,
            new ColumnRoles("id", List.of("title", "description"), "tag", null, List.of(), List.of(), List.of(),
                    List.of(), Map.of()), null, null, 0, null);
    /** The same dataset with the smallest row_memory: each sorted buffer keeps 8,192 records, the rest goes to disk. */
    private static final DatasetDefinition SPILLING = new DatasetDefinition("memory", Path.of("."),
            new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "rows.csv"), null, null, null, DATASET.columns(),
            null, null, 0, null, DatasetDefinition.DEFAULT_EXACT_VALUES_LIMIT, DatasetDefinition.MIN_ROW_MEMORY);

    @Test
    void duplicateRowsKeepsAFingerprintAndALinePerRow() {
        assertThat(bytesPerRow(new DuplicateRowsRule("dups", Severity.WARN, List.of(), 0, 5), 70)).isLessThan(48);
    }

    @Test
    void conflictingLabelsKeepsAFingerprintLabelsAndLocationPerDistinctInput() {
        assertThat(bytesPerRow(new ConflictingLabelsRule("conflicts", Severity.WARN, List.of(), null,
                TextNormalisation.all(), 0, 5), 70)).isLessThan(80);
    }

    @Test
    void splitLeakageKeepsALocationAndAFingerprintPerModeAndRow() {
        Set<LeakageMode> exactModes = Set.of(LeakageMode.ID, LeakageMode.EXACT, LeakageMode.NORMALISED);
        assertThat(bytesPerRow(new SplitLeakageRule("leak", Severity.WARN, List.of(), exactModes,
                TextNormalisation.all(), 0.8, 0, 5), 70)).isLessThan(3 * 24);
    }

    @Test
    void splitLeakageKeepsNothingOnTheHeapForNearDuplicatesBeyondTheRowLocation() {
        // band keys, locations and texts of every row go to temporary files: what stays is fixed-size write buffers
        // (about 0.7 MB a split, 5 bytes a row here); a location kept per row on the heap would add 8 to 12 more
        assertThat(bytesPerRow(new SplitLeakageRule("leak", Severity.WARN, List.of(), Set.of(LeakageMode.NEAR),
                TextNormalisation.all(), 0.8, 0, 5), 100)).isLessThan(8);
    }

    @Test
    void withTheSmallestRowMemoryTheHeapNoLongerGrowsWithTheRows() {
        // one buffer of 8,192 records (16 or 24 bytes each) per sorted buffer, whatever the row count: under 600 KB per
        // rule and mode here, under 2 bytes a row at 1,200,000 rows (kept in memory they would take 16 to 24); the
        // sorted runs are on disk
        Set<LeakageMode> exactModes = Set.of(LeakageMode.ID, LeakageMode.EXACT, LeakageMode.NORMALISED);
        assertThat(bytesPerRow(new DuplicateRowsRule("dups", Severity.WARN, List.of(), 0, 5), 70, SPILLING))
                .isLessThan(2);
        assertThat(bytesPerRow(new ConflictingLabelsRule("conflicts", Severity.WARN, List.of(), null,
                TextNormalisation.all(), 0, 5), 70, SPILLING)).isLessThan(2);
        assertThat(bytesPerRow(new SplitLeakageRule("leak", Severity.WARN, List.of(), exactModes,
                TextNormalisation.all(), 0.8, 0, 5), 70, SPILLING)).isLessThan(3 * 2);
    }

    @Test
    void rulesSharingOneRowMemoryRetainItAndAChunkPerBufferNotEachTheirOwn() {
        // at 1 MiB each of these five sorted buffers alone may keep up to 1 MiB (5 MiB and more together); sharing the
        // run's 1 MiB they keep at most 1 MiB, a chunk each beyond it and a chunk each of scratch space to sort in
        // (SortedRuns: 2.4 MiB), and a fraction of a byte a row beside it
        long rowMemory = 1 << 20;
        var shared = new MemoryBudget(rowMemory);
        Set<LeakageMode> exactModes = Set.of(LeakageMode.ID, LeakageMode.EXACT, LeakageMode.NORMALISED);
        List<Rule> rules = List.of(new DuplicateRowsRule("dups", Severity.WARN, List.of(), 0, 5),
                new ConflictingLabelsRule("conflicts", Severity.WARN, List.of(), null, TextNormalisation.all(), 0, 5),
                new SplitLeakageRule("leak", Severity.WARN, List.of(), exactModes, TextNormalisation.all(), 0.8, 0, 5));
        List<Rule.RowCheck> checks = rules.stream()
                .map(rule -> rule.newRowCheck(DATASET, VocabularyLookup.none(), shared).orElseThrow()).toList();
        long chunks = IntStream.of(2, 3, 2, 2, 2).mapToLong(SortedRuns::chunkBytes).sum();
        long retained = retainedBytes(checks, 70, ROWS);
        assertThat(shared.peak()).isLessThanOrEqualTo(rowMemory + chunks);
        assertThat(retained).isLessThan(rowMemory + 2 * chunks + ROWS / 2);
        assertThat(shared.inUse()).isZero();
    }

    private static double bytesPerRow(Rule rule, int trainPercent) {
        return bytesPerRow(rule, trainPercent, DATASET);
    }

    /** Heap retained by a rule's row check after {@link #ROWS} distinct rows ({@link #SPILLING_ROWS} when spilling). */
    private static double bytesPerRow(Rule rule, int trainPercent, DatasetDefinition dataset) {
        int rows = dataset == SPILLING ? SPILLING_ROWS : ROWS;
        return (double) retainedBytes(List.of(rule.newRowCheck(dataset).orElseThrow()), trainPercent, rows) / rows;
    }

    /** Heap retained by the row checks after each saw {@code rows} distinct rows; closes them. */
    private static long retainedBytes(List<Rule.RowCheck> checks, int trainPercent, int rows) {
        long before = usedHeapAfterCollection();
        for (int i = 0; i < rows; i++) {
            Object[] values = {String.valueOf(i), "title " + i, "description " + Integer.toHexString(i * 7919),
                    "tag" + i % 7};
            Row row = new Row(HEADER, values, i % 100 < trainPercent ? "train" : "test", "rows.csv", i + 2L);
            checks.forEach(check -> check.accept(row));
        }
        long after = usedHeapAfterCollection();
        Reference.reachabilityFence(checks);
        for (Rule.RowCheck check : checks) {
            if (check instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return after - before;
    }

    private static long usedHeapAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
