package dev.driftwatch.engine.rule.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import dev.driftwatch.spec.RulesFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * unseen_tags keeps only the tallies its checks read: the total for {@code rare} and for {@code new} against another
 * snapshot, those per split for {@code new} against a split (each tally of a tag set per row is a sketch update per
 * row). The verdicts stay those of the full counts: the expected counts below are recounted from the rows written.
 */
class TagCountsTalliesTest {
    private static final String TRAIN = "id,tags\n1,a\n2,a\n3,b\n";
    private static final String TEST = "id,tags\n4,a\n5,c\n6,c\n7,d\n";
    private static final Header HEADER = new Header(List.of("id", "tags"));

    @TempDir
    Path dir;

    private RuleFixture splits(String reference, String rule) {
        return RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: %s
                columns: {id: id, tags: tags}
                rules:
                  - %s
                """.formatted(reference, rule)).snapshot("s1", Map.of("train.csv", TRAIN, "test.csv", TEST));
    }

    private static TagCounts rowCheckOf(RuleFixture fixture) {
        RulesFile rules = fixture.rules();
        return (TagCounts) rules.rules().get(0).newRowCheck(rules.dataset(), VocabularyLookup.none()).orElseThrow();
    }

    @Test
    void newTagsAgainstASplitCountPerSplitAndNoTotal() {
        var fixture = splits("{split: train}", "{name: tags, kind: unseen_tags, checks: [new]}");
        TagCounts counts = rowCheckOf(fixture);
        assertThat(counts.total).isNull();
        RuleResult fresh = RuleFixture.of(fixture.run("s1"), "tags").get(0);
        // test has c (rows 5, 6) and d (row 7) that train lacks; a is in both
        assertThat(fresh.status()).as(fresh.message()).isEqualTo(Status.FAIL);
        assertThat(fresh.observed()).isEqualTo(2.0);
        assertThat(fresh.message()).isEqualTo("2 tags are new since split train: c (2), d (1); at most 0 allowed.");
    }

    @Test
    void newTagsAgainstASplitPastTheExactBoundSayTheyAreALowerBound() {
        // 33,000 distinct tags in test pass the 32,768 (TagTally.EXACT_TAGS) counted exactly
        StringBuilder test = new StringBuilder("id,tags\n");
        for (int i = 0; i < 33_000; i++) {
            test.append(i + 10).append(",t").append(i).append('\n');
        }
        var run = RuleFixture.csv(dir, """
                splits: {by: file, files: {train: train.csv, test: test.csv}}
                reference: {split: train}
                columns: {id: id, tags: tags}
                rules:
                  - {name: tags, kind: unseen_tags, checks: [new]}
                """).snapshot("s1", Map.of("train.csv", TRAIN, "test.csv", test.toString())).run("s1");
        RuleResult fresh = RuleFixture.of(run, "tags").get(0);
        assertThat(fresh.status()).as(fresh.message()).isEqualTo(Status.FAIL);
        assertThat(fresh.message()).startsWith("at least ").contains("new since split train")
                .contains("more than 32,768 distinct tags, counted by a frequent-items sketch");
    }

    @Test
    void newTagsAgainstAnotherSnapshotCountTheTotalAndNoSplit() {
        var fixture = splits("previous", "{name: tags, kind: unseen_tags, checks: [new]}");
        TagCounts counts = rowCheckOf(fixture);
        assertThat(counts.total).isNotNull();
        for (String line : (TRAIN + TEST.substring(TEST.indexOf('\n') + 1)).split("\n")) {
            if (!line.startsWith("id")) {
                String[] cells = line.split(",");
                counts.accept(new Row(HEADER, new Object[]{cells[0], cells[1]},
                        Integer.parseInt(cells[0]) <= 3 ? "train" : "test", "rows.csv", Long.parseLong(cells[0]) + 1));
            }
        }
        assertThat(counts.bySplit).isEmpty();
        // a in rows 1, 2, 4; b in 3; c in 5, 6; d in 7
        assertThat(counts.total.counts()).isEqualTo(Map.of("a", 3L, "b", 1L, "c", 2L, "d", 1L));
    }

    @Test
    void rareTagsAloneCountTheTotal() {
        var fixture = splits("{split: train}", "{name: tags, kind: unseen_tags, checks: [rare], min_frequency: 2}");
        assertThat(rowCheckOf(fixture).total).isNotNull();
        RuleResult rare = RuleFixture.of(fixture.run("s1"), "tags").get(0);
        // over both splits: a 3 rows, c 2, b 1, d 1: b and d are below 2
        assertThat(rare.status()).isEqualTo(Status.FAIL);
        assertThat(rare.observed()).isEqualTo(2.0);
    }
}
