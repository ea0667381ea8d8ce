package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The profile of A and B merged equals the profile of A ∪ B (exactly for counts, bins and exact value
 * counts; within rounding for moments; within the HLL error for distinct counts); the profile is the same
 * byte for byte whatever the thread count; a bytes round trip answers the same.
 */
class MergeAndDeterminismTest {
    private static final ColumnRoles GENERATED_ROLES = new ColumnRoles("id", List.of("title"), null, "tags",
            List.of("amount"), List.of("country"), List.of(), List.of(), Map.of("amount", List.of("n/a")));
    private static final ColumnRoles MADE_WITH_ML_ROLES = new ColumnRoles("id", List.of("title", "description"), null,
            "tags", List.of(), List.of(), List.of(), List.of(), Map.of());

    private static SnapshotProfile profile(List<Row> rows, ColumnRoles roles, int threads) {
        return new Profiler(threads).profile(rows, ProfileRequest.builder(roles).build(), null);
    }

    @Test
    void mergingTheProfilesOfTwoHalvesGivesTheProfileOfTheWhole() {
        List<Row> rows = ProfileRows.generated(20_000, 7);
        SnapshotProfile whole = profile(rows, GENERATED_ROLES, 2);
        SnapshotProfile merged = profile(rows.subList(0, 7_000), GENERATED_ROLES, 2)
                .merge(profile(rows.subList(7_000, rows.size()), GENERATED_ROLES, 1));
        assertSameUpToSketchError(merged, whole);
    }

    @Test
    void mergingRealMadeWithMlHalvesGivesTheProfileOfTheWhole() {
        List<Row> rows = ProfileRows.read(TestSnapshots.resource("datasets/madewithml-s01/projects.json"), "all");
        SnapshotProfile whole = profile(rows, MADE_WITH_ML_ROLES, 2);
        SnapshotProfile merged = profile(rows.subList(0, 1000), MADE_WITH_ML_ROLES, 2)
                .merge(profile(rows.subList(1000, rows.size()), MADE_WITH_ML_ROLES, 2));
        assertSameUpToSketchError(merged, whole);
        TagSummary wholeTags = whole.split("all").orElseThrow().tags().orElseThrow();
        TagSummary mergedTags = merged.split("all").orElseThrow().tags().orElseThrow();
        assertThat(mergedTags.frequencies()).isEqualTo(wholeTags.frequencies());
        assertThat(mergedTags.tagsPerRow()).isEqualTo(wholeTags.tagsPerRow());
        // the 23 tags with 75 rows or more have their words in the merge too, though each half met others first
        assertThat(mergedTags.distinctiveWords(23, 5).keySet()).isEqualTo(wholeTags.distinctiveWords(23, 5).keySet())
                .hasSize(23).contains("tensorflow");
    }

    private static void assertSameUpToSketchError(SnapshotProfile merged, SnapshotProfile whole) {
        assertThat(merged.rowsPerSplit()).isEqualTo(whole.rowsPerSplit());
        whole.splits().forEach((name, split) -> {
            SplitProfile other = merged.split(name).orElseThrow();
            assertThat(other.columns().keySet()).containsExactlyInAnyOrderElementsOf(split.columns().keySet());
            split.columns().forEach((column, expected) -> {
                ColumnProfile actual = other.column(column).orElseThrow();
                String what = name + "/" + column;
                assertThat(actual.count()).as(what).isEqualTo(expected.count());
                assertThat(actual.missingByReason()).as(what).isEqualTo(expected.missingByReason());
                assertThat(actual.typeCounts()).as(what).isEqualTo(expected.typeCounts());
                assertThat(actual.distinct()).as(what).isCloseTo(expected.distinct(),
                        Offset.offset(Math.max(2L, Math.round(expected.distinct() * 0.05))));
                if (expected.distinctFigure().exact()) {
                    assertThat(actual.distinctFigure()).as(what).isEqualTo(expected.distinctFigure());
                }
                if (expected.numeric() != null) {
                    assertThat(actual.numeric().count()).as(what).isEqualTo(expected.numeric().count());
                    assertThat(actual.numeric().bins()).as(what).isEqualTo(expected.numeric().bins());
                    assertThat(actual.numeric().mean()).as(what).isCloseTo(expected.numeric().mean(), within(1e-9));
                    assertThat(actual.numeric().stdDev()).as(what).isCloseTo(expected.numeric().stdDev(), within(1e-9));
                    assertThat(actual.numeric().min()).as(what).isEqualTo(expected.numeric().min());
                    assertThat(actual.numeric().max()).as(what).isEqualTo(expected.numeric().max());
                }
                if (expected.categorical() != null && expected.categorical().exact()) {
                    assertThat(actual.categorical().values()).as(what).isEqualTo(expected.categorical().values());
                }
                if (expected.text() != null) {
                    assertThat(actual.text().wordCount()).as(what).isEqualTo(expected.text().wordCount());
                    assertThat(actual.text().chars().bins()).as(what).isEqualTo(expected.text().chars().bins());
                    assertThat(actual.text().words().bins()).as(what).isEqualTo(expected.text().words().bins());
                    assertThat(actual.text().empty()).as(what).isEqualTo(expected.text().empty());
                    // vocabularies merge exactly: the same words with the same counts
                    assertThat(actual.text().vocabularyFigure()).as(what).isEqualTo(expected.text().vocabularyFigure());
                    assertThat(actual.text().frequentWords(50)).as(what).isEqualTo(expected.text().frequentWords(50));
                    assertThat(actual.text().unseenWords(expected.text()).occurrences()).as(what).isEqualTo(Figure.exact(0));
                    assertThat(expected.text().unseenWords(actual.text()).occurrences()).as(what).isEqualTo(Figure.exact(0));
                }
            });
            split.tags().ifPresent(tags -> {
                TagSummary mergedTags = other.tags().orElseThrow();
                assertThat(mergedTags.tagsPerRow()).isEqualTo(tags.tagsPerRow());
                assertThat(mergedTags.frequencies()).isEqualTo(tags.frequencies());
            });
        });
    }

    @Test
    void theProfileIsTheSameWhateverTheThreadCount() {
        List<Row> rows = ProfileRows.generated(30_000, 11);
        byte[] one = ProfileCodec.toBytes(profile(rows, GENERATED_ROLES, 1));
        assertThat(ProfileCodec.toBytes(profile(rows, GENERATED_ROLES, 2))).isEqualTo(one);
        assertThat(ProfileCodec.toBytes(profile(rows, GENERATED_ROLES, 3))).isEqualTo(one);
    }

    @Test
    void theRealMadeWithMlProfileIsTheSameWhateverTheThreadCount() {
        List<Row> rows = ProfileRows.read(TestSnapshots.resource("datasets/madewithml-s01/projects.json"), "all");
        byte[] one = ProfileCodec.toBytes(profile(rows, MADE_WITH_ML_ROLES, 1));
        assertThat(ProfileCodec.toBytes(profile(rows, MADE_WITH_ML_ROLES, 2))).isEqualTo(one);
        assertThat(ProfileCodec.toBytes(profile(rows, MADE_WITH_ML_ROLES, 4))).isEqualTo(one);
    }

    @Test
    void aProfileReloadedFromBytesAnswersTheSame() {
        SnapshotProfile profile = profile(ProfileRows.generated(5_000, 3), GENERATED_ROLES, 2);
        SnapshotProfile reloaded = ProfileCodec.fromBytes(ProfileCodec.toBytes(profile));
        assertThat(ProfileJson.tree(reloaded)).isEqualTo(ProfileJson.tree(profile));
        assertThat(ProfileCodec.toBytes(reloaded)).isEqualTo(ProfileCodec.toBytes(profile));
        NumericSummary amount = reloaded.split("train").orElseThrow().column("amount").orElseThrow().numeric();
        assertThat(amount.cdf(0)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void aReloadedProfileCanBeMergedFurther() {
        List<Row> rows = ProfileRows.generated(6_000, 5);
        SnapshotProfile first = ProfileCodec.fromBytes(ProfileCodec.toBytes(profile(rows.subList(0, 3_000), GENERATED_ROLES, 2)));
        SnapshotProfile merged = first.merge(profile(rows.subList(3_000, 6_000), GENERATED_ROLES, 2));
        assertSameUpToSketchError(merged, profile(rows, GENERATED_ROLES, 2));
    }

    @Test
    void duplicatesAreCountedAcrossSplitsByFingerprint() {
        // generated ids repeat after count - count/50 rows, but other values differ: no exact duplicates
        List<Row> rows = new java.util.ArrayList<>(ProfileRows.generated(1_000, 9));
        rows.add(rows.get(10).withSplit("test"));
        rows.add(rows.get(10));
        rows.add(rows.get(20));
        SnapshotProfile profile = profile(rows, GENERATED_ROLES, 2);
        assertThat(profile.duplicates().rows()).isEqualTo(1_003);
        assertThat(profile.duplicates().duplicateRows()).isEqualTo(3);
    }

    @Test
    void mergedProfilesCountTheRowsTheirPartsShareAsDuplicates() {
        List<Row> base = ProfileRows.generated(3_000, 17);
        List<Row> first = base.subList(0, 1_500);
        List<Row> second = new java.util.ArrayList<>(base.subList(1_500, 3_000));
        second.add(first.get(10));
        second.add(first.get(10).withSplit("test"));
        second.add(first.get(20));
        second.add(second.get(5));
        SnapshotProfile whole = profile(concat(first, second), GENERATED_ROLES, 2);
        assertThat(whole.duplicates()).isEqualTo(DuplicateSummary.exact(3_004, 4));

        SnapshotProfile merged = profile(first, GENERATED_ROLES, 2).merge(profile(second, GENERATED_ROLES, 1));
        assertThat(merged.duplicates()).isEqualTo(whole.duplicates());
        assertThat(profile(second, GENERATED_ROLES, 1).duplicates().duplicateRows()).isEqualTo(2);
    }

    @Test
    void rowsSharedByLargePartsAreEstimatedWithinTheSketchError() {
        List<Row> base = ProfileRows.generated(40_000, 19);
        List<Row> first = base.subList(0, 20_000);
        List<Row> second = new java.util.ArrayList<>(base.subList(20_000, 40_000));
        for (int i = 0; i < 20_000; i += 10) {
            second.add(first.get(i));
        }
        SnapshotProfile whole = profile(concat(first, second), GENERATED_ROLES, 2);
        assertThat(whole.duplicates()).isEqualTo(DuplicateSummary.exact(42_000, 2_000));

        SnapshotProfile merged = profile(first, GENERATED_ROLES, 2).merge(profile(second, GENERATED_ROLES, 2));
        assertThat(merged.duplicates().exact()).isFalse();
        assertThat(merged.duplicates().rows()).isEqualTo(42_000);
        // about 4096 / 40000 of the distinct rows are sampled: some 200 shared ones, 7% relative standard error
        assertThat(merged.duplicates().duplicateRows()).isCloseTo(2_000, Offset.offset(500L));
        assertThat(merged.duplicates().duplicates().contains(whole.duplicates().duplicateRows()))
                .as("%s holds %d", merged.duplicates().duplicates(), whole.duplicates().duplicateRows()).isTrue();
        SnapshotProfile reloaded = ProfileCodec.fromBytes(ProfileCodec.toBytes(merged));
        assertThat(reloaded.duplicates()).isEqualTo(merged.duplicates());
    }

    @Test
    void aProfileStoredInFormat1IsStillReadAndMergedWithoutClaimingExactDuplicates() throws Exception {
        // written by the profiler of format 1 (before the sketch of distinct rows): four rows, the third repeating the second
        byte[] stored;
        try (var in = getClass().getResourceAsStream("/profiles/format-1.bin")) {
            stored = in.readAllBytes();
        }
        SnapshotProfile old = ProfileCodec.fromBytes(stored);
        assertThat(old.rowsPerSplit()).containsExactly(Map.entry("train", 4L));
        assertThat(old.duplicates()).isEqualTo(DuplicateSummary.exact(4, 1));

        SnapshotProfile merged = old.merge(old);
        // each part's one duplicate, and from none to all 3 of the distinct rows shared (format 1 kept no sketch)
        assertThat(merged.duplicates()).isEqualTo(new DuplicateSummary(8, Figure.estimate(2, 2, 5)));
        assertThat(ProfileCodec.fromBytes(ProfileCodec.toBytes(merged)).duplicates()).isEqualTo(merged.duplicates());
    }

    private static List<Row> concat(List<Row> first, List<Row> second) {
        List<Row> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void theProfilersFingerprintIsTheRowFingerprintLeavingOutTheSplitColumn() {
        List<Row> rows = ProfileRows.generated(300, 4);
        var request = ProfileRequest.builder(GENERATED_ROLES).build();
        var whole = new SnapshotState(request, null);
        var withoutCountry = new SnapshotState(request, "country");
        int country = rows.get(0).header().indexOf("country");
        for (Row row : rows) {
            assertThat(whole.accept(row, false)).isEqualTo(RowFingerprint.of(row, -1));
            assertThat(withoutCountry.accept(row, false)).isEqualTo(RowFingerprint.of(row, country));
        }
        var header = new dev.driftwatch.engine.data.Header(List.of("a", "b"));
        Row ab = new Row(header, new Object[] {"x", "y"}, "train", "t", 2);
        Row ba = new Row(header, new Object[] {"y", "x"}, "train", "t", 3);
        Row nullB = new Row(header, new Object[] {"x", null}, "train", "t", 4);
        Row emptyB = new Row(header, new Object[] {"x", ""}, "train", "t", 5);
        assertThat(java.util.stream.Stream.of(ab, ba, nullB, emptyB).map(r -> RowFingerprint.of(r, -1)).distinct())
                .hasSize(4);
    }
}
