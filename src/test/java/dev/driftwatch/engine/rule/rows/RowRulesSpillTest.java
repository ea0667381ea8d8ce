package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.engine.spill.SortedRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row rules and the profile's duplicate count on a generated file with known injected problems, run by the real
 * check engine three times: with the smallest {@code row_memory} (64 KiB for the whole run: each of its six sorted
 * buffers keeps one chunk of 8,192 records, so the 60,000-odd rows go to the temporary folder as about 8 sorted runs
 * per buffer), with 1 MiB (each buffer alone would fit up to 1 MiB, about 5.5 MiB together, so only a budget shared by
 * the run keeps them under 1 MiB and a chunk each) and with the default (16 MiB, everything in memory). Every
 * expected count is the generator's own tally of what it injected, and a recount of the rows with plain maps.
 */
class RowRulesSpillTest {
    private static final int BASE_ROWS = 60_000;
    private static final int COPIES_NEW_ID = 37;
    private static final int COPIES_SAME_ID = 23;
    private static final int CONFLICTS = 41;
    private static final int LEAKED_EXACT = 29;
    private static final int LEAKED_NORMALISED = 17;
    private static final int LEAKED_ID = 13;
    private static final int MAX_EVIDENCE = 5;

    @TempDir
    Path dir;

    /** One generated row; its line is set once the rows are shuffled. */
    private static final class Line {
        final String id;
        final String split;
        final String title;
        final String description;
        final String tag;
        int line;

        Line(String id, String split, String title, String description, String tag) {
            this.id = id;
            this.split = split;
            this.title = title;
            this.description = description;
            this.tag = tag;
        }

        Line with(String newId, String newSplit, String newTitle, String newTag) {
            return new Line(newId, newSplit, newTitle, description, newTag);
        }

        String csv() {
            return id + "," + split + "," + title + "," + description + "," + tag;
        }
    }

    /** The run's sorted buffers: the profile's fingerprints, duplicate_rows, conflicting_labels, 3 leakage modes. */
    private static final int[] BUFFER_WIDTHS = {1, 2, 3, 2, 2, 2};

    @ParameterizedTest(name = "row_memory {0}")
    @ValueSource(longs = {65_536, 1_048_576, 16_777_216})
    void countsAreWhatTheGeneratorInjectedWhetherTheRowsSpillOrNot(long rowMemory) {
        var random = new Random(20261205);
        List<Line> base = new ArrayList<>();
        for (int i = 0; i < BASE_ROWS; i++) {
            String split = random.nextInt(100) < 80 ? "train" : "test";
            base.add(new Line("r" + i, split, "title " + i + " " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
                    "description of item " + i, "tag" + random.nextInt(7)));
        }
        List<Line> train = base.stream().filter(l -> l.split.equals("train")).toList();
        List<Line> shuffledTrain = new ArrayList<>(train);
        Collections.shuffle(shuffledTrain, random);
        int next = 0;
        List<Line> rows = new ArrayList<>(base);
        List<Line[]> copyPairs = new ArrayList<>();
        for (int i = 0; i < COPIES_NEW_ID; i++) {
            Line original = shuffledTrain.get(next++);
            Line copy = original.with("copy" + i, "train", original.title, original.tag);
            rows.add(copy);
            copyPairs.add(new Line[]{original, copy});
        }
        for (int i = 0; i < COPIES_SAME_ID; i++) {
            Line original = shuffledTrain.get(next++);
            Line copy = original.with(original.id, "train", original.title, original.tag);
            rows.add(copy);
            copyPairs.add(new Line[]{original, copy});
        }
        List<Line[]> conflictPairs = new ArrayList<>();
        for (int i = 0; i < CONFLICTS; i++) {
            Line original = shuffledTrain.get(next++);
            String otherTag = original.tag.equals("tag0") ? "tag1" : "tag0";
            Line conflict = original.with("conflict" + i, "train", original.title.toUpperCase(Locale.ROOT), otherTag);
            rows.add(conflict);
            conflictPairs.add(new Line[]{original, conflict});
        }
        for (int i = 0; i < LEAKED_EXACT; i++) {
            Line original = shuffledTrain.get(next++);
            rows.add(original.with("leak" + i, "test", original.title, original.tag));
        }
        for (int i = 0; i < LEAKED_NORMALISED; i++) {
            Line original = shuffledTrain.get(next++);
            rows.add(original.with("nleak" + i, "test", original.title.toUpperCase(Locale.ROOT) + "!", original.tag));
        }
        for (int i = 0; i < LEAKED_ID; i++) {
            Line original = shuffledTrain.get(next++);
            rows.add(new Line(original.id, "test", "another title " + i, "another description " + i, original.tag));
        }
        Collections.shuffle(rows, random);
        var csv = new StringBuilder("id,split,title,description,tag\n");
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).line = i + 2;
            csv.append(rows.get(i).csv()).append('\n');
        }
        long trainRows = rows.stream().filter(l -> l.split.equals("train")).count();
        long testRows = rows.size() - trainRows;

        List<MemoryBudget> budgets = new ArrayList<>();
        RunReport report = RuleFixture.csv(dir, "row_memory: " + rowMemory + """

                splits: {by: column, column: split}
                columns:
                  id: id
                  inputs: [title, description]
                  label: tag
                rules:
                  - {name: dups, kind: duplicate_rows, max_evidence: %d}
                  - {name: conflicts, kind: conflicting_labels, max_evidence: %d}
                  - {name: leak, kind: split_leakage, modes: [id, exact, normalised], max_evidence: %d}
                """.formatted(MAX_EVIDENCE, MAX_EVIDENCE, MAX_EVIDENCE))
                .snapshot("s1", Map.of("all.csv", csv.toString())).rowMemory(limit -> {
                    var budget = new MemoryBudget(limit);
                    budgets.add(budget);
                    return budget;
                }).run("s1");

        assertThat(budgets).singleElement().satisfies(budget -> {
            long chunks = Arrays.stream(BUFFER_WIDTHS).mapToLong(SortedRuns::chunkBytes).sum();
            assertThat(budget.limit()).isEqualTo(rowMemory);
            assertThat(budget.peak()).isPositive().isLessThanOrEqualTo(rowMemory + chunks);
            assertThat(budget.inUse()).as("bytes not given back after the run").isZero();
        });
        var recount = Recount.of(rows);
        assertThat(recount).isEqualTo(new Recount(Map.of("train", (long) COPIES_NEW_ID + COPIES_SAME_ID), CONFLICTS,
                2L * CONFLICTS, LEAKED_ID, LEAKED_EXACT, LEAKED_EXACT + LEAKED_NORMALISED));
        assertThat(result(report, "dups", null, "train").observed())
                .isEqualTo((double) recount.repeated().get("train") / trainRows);
        assertThat(result(report, "conflicts", "tag", null).message()).startsWith(String.format(Locale.ROOT,
                "%d groups of rows (%d rows of", recount.conflictingGroups(), recount.rowsInConflict()));
        assertThat(result(report, "leak", "id", "test").observed()).isEqualTo((double) recount.leakedIds() / testRows);
        assertThat(result(report, "leak", "exact", "test").observed()).isEqualTo((double) recount.leakedExact() / testRows);
        assertThat(result(report, "leak", "normalised", "test").observed())
                .isEqualTo((double) recount.leakedNormalised() / testRows);

        // copies with a new id differ in the id column, which the profile's fingerprint includes
        assertThat(report.profile().duplicates().duplicateRows()).isEqualTo(COPIES_SAME_ID);
        assertThat(report.profile().duplicates().exact()).isTrue();

        RuleResult trainCopies = result(report, "dups", null, "train");
        int copies = COPIES_NEW_ID + COPIES_SAME_ID;
        assertThat(trainCopies.observed()).isEqualTo((double) copies / trainRows);
        assertThat(trainCopies.message()).startsWith(String.format(Locale.ROOT, "%,d of %,d", copies, trainRows));
        assertThat(result(report, "dups", null, "test").observed()).isZero();
        // evidence: the later row of each injected pair, the earliest first, each naming the other's line
        List<String> expectedCopies = copyPairs.stream()
                .map(p -> p[0].line < p[1].line ? p : new Line[]{p[1], p[0]})
                .sorted(java.util.Comparator.comparingInt(p -> p[1].line)).limit(MAX_EVIDENCE)
                .map(p -> p[1].line + " " + p[1].id + " of " + p[0].line).toList();
        assertThat(trainCopies.evidence()).extracting(e -> e.line() + " " + e.id() + " of " + e.values().get("duplicate_of_line"))
                .containsExactlyElementsOf(expectedCopies);
        assertThat(trainCopies.evidence()).allSatisfy(e -> assertThat(e.source()).isEqualTo("all.csv"));

        RuleResult conflicts = result(report, "conflicts", "tag", null);
        assertThat(conflicts.observed()).isEqualTo(CONFLICTS);
        assertThat(conflicts.message()).startsWith(String.format(Locale.ROOT, "%d groups of rows (%d rows of %,d)",
                CONFLICTS, 2 * CONFLICTS, rows.size()));
        // each group shown by its first row and the row that disagreed, in the order the disagreements were read
        List<String> expectedGroups = new ArrayList<>();
        conflictPairs.stream().map(p -> p[0].line < p[1].line ? p : new Line[]{p[1], p[0]})
                .sorted(java.util.Comparator.comparingInt(p -> p[1].line)).limit(MAX_EVIDENCE).forEach(p -> {
                    int group = expectedGroups.size() / 2 + 1;
                    expectedGroups.add(group + " " + p[0].line + " " + p[0].tag);
                    expectedGroups.add(group + " " + p[1].line + " " + p[1].tag);
                });
        assertThat(conflicts.evidence()).extracting(e -> e.values().get("group") + " " + e.line() + " " + e.values().get("tag"))
                .containsExactlyElementsOf(expectedGroups);

        assertThat(result(report, "leak", "id", "test").observed()).isEqualTo((double) LEAKED_ID / testRows);
        assertThat(result(report, "leak", "exact", "test").observed()).isEqualTo((double) LEAKED_EXACT / testRows);
        RuleResult normalised = result(report, "leak", "normalised", "test");
        assertThat(normalised.observed()).isEqualTo((double) (LEAKED_EXACT + LEAKED_NORMALISED) / testRows);
        assertThat(normalised.evidence()).hasSize(MAX_EVIDENCE)
                .extracting(Evidence::line).isSorted();
    }

    /**
     * What the rules count, recounted from the generated rows with plain maps: extra copies per split (equal in every
     * column but the id), groups of equal normalised inputs with more than one label and their rows, and the test rows
     * whose id, inputs or normalised inputs a train row has. The generated text is ASCII, so lower case without
     * punctuation and runs of spaces is the rules' normalisation.
     */
    private record Recount(Map<String, Long> repeated, long conflictingGroups, long rowsInConflict, long leakedIds,
                           long leakedExact, long leakedNormalised) {
        static Recount of(List<Line> rows) {
            Map<String, Long> repeated = new HashMap<>();
            Set<String> seen = new HashSet<>();
            Map<String, Set<String>> labelsByInputs = new HashMap<>();
            Map<String, Long> rowsByInputs = new HashMap<>();
            for (Line row : rows) {
                if (!seen.add(String.join("\u0000", row.split, row.title, row.description, row.tag))) {
                    repeated.merge(row.split, 1L, Long::sum);
                }
                String inputs = normalised(row.title) + "\u0000" + normalised(row.description);
                labelsByInputs.computeIfAbsent(inputs, k -> new HashSet<>()).add(row.tag);
                rowsByInputs.merge(inputs, 1L, Long::sum);
            }
            long groups = 0;
            long inConflict = 0;
            for (var group : labelsByInputs.entrySet()) {
                if (group.getValue().size() > 1) {
                    groups++;
                    inConflict += rowsByInputs.get(group.getKey());
                }
            }
            Set<String> trainIds = new HashSet<>();
            Set<String> trainInputs = new HashSet<>();
            Set<String> trainNormalised = new HashSet<>();
            for (Line row : rows) {
                if (row.split.equals("train")) {
                    trainIds.add(row.id);
                    trainInputs.add(row.title + "\u0000" + row.description);
                    trainNormalised.add(normalised(row.title) + "\u0000" + normalised(row.description));
                }
            }
            long ids = 0;
            long exact = 0;
            long normalised = 0;
            for (Line row : rows) {
                if (row.split.equals("test")) {
                    ids += trainIds.contains(row.id) ? 1 : 0;
                    exact += trainInputs.contains(row.title + "\u0000" + row.description) ? 1 : 0;
                    normalised += trainNormalised.contains(normalised(row.title) + "\u0000" + normalised(row.description))
                            ? 1 : 0;
                }
            }
            return new Recount(repeated, groups, inConflict, ids, exact, normalised);
        }

        private static String normalised(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("\\p{P}+", "").replaceAll("\\s+", " ").strip();
        }
    }

    private static RuleResult result(RunReport report, String rule, String column, String split) {
        return RuleFixture.of(report, rule).stream()
                .filter(r -> java.util.Objects.equals(column, r.column()) && java.util.Objects.equals(split, r.split()))
                .findFirst().orElseThrow(() -> new AssertionError("no result of " + rule + " for " + column + ", " + split
                        + " in " + RuleFixture.of(report, rule)));
    }
}
