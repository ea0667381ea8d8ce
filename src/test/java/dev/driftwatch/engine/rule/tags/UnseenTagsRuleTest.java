package dev.driftwatch.engine.rule.tags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Case table for unseen_tags over Made With ML shaped snapshots (projects.json with a tags list, tags.json). */
class UnseenTagsRuleTest {
    private static final String RULES = """
            dataset: tagged
            source: snapshots
            layout: folder_per_snapshot
            files: projects.json
            columns: {id: id, inputs: [title], tags: tags}
            vocabulary: {in_snapshot: tags.json, exclude: [other]}
            rules:
              - {name: tags, kind: unseen_tags, min_frequency: 2}
            """;
    private static final String VOCABULARY = """
            [{"tag": "nlp", "aliases": ["natural-language-processing"]}, {"tag": "cv", "aliases": ["computer-vision"]}]
            """;

    @TempDir
    Path dir;

    private static String projects(String... tagLists) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < tagLists.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\": ").append(i + 1).append(", \"title\": \"t").append(i)
                    .append("\", \"tags\": [").append(tagLists[i]).append("]}");
        }
        return json.append("]").toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, tag lists, check, expected status, observed, evidence (ids or tags)
                Arguments.of("all known", new String[]{"\"nlp\"", "\"cv\"", "\"nlp\",\"cv\"", "\"cv\""},
                        "out_of_vocabulary", Status.PASS, 0.0, List.of()),
                Arguments.of("an alias is known", new String[]{"\"natural-language-processing\"", "\"nlp\"", "\"cv\"", "\"cv\""},
                        "out_of_vocabulary", Status.PASS, 0.0, List.of()),
                Arguments.of("unknown tag", new String[]{"\"nlp\"", "\"time-series\"", "\"nlp\",\"time-series\"", "\"cv\""},
                        "out_of_vocabulary", Status.FAIL, 0.5, List.of("2", "3")),
                Arguments.of("excluded tag is dropped", new String[]{"\"nlp\"", "\"other\"", "\"nlp\"", "\"cv\",\"cv\""},
                        "out_of_vocabulary", Status.PASS, 0.0, List.of()),
                Arguments.of("rare tag below min frequency", new String[]{"\"nlp\"", "\"nlp\"", "\"cv\""},
                        "rare", Status.FAIL, 1.0, List.of("cv")),
                Arguments.of("a repeated tag counts once per row", new String[]{"\"nlp\"", "\"nlp\"", "\"cv\",\"cv\""},
                        "rare", Status.FAIL, 1.0, List.of("cv")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unseenTagsJudgesTagsAgainstTheVocabulary(String name, String[] tags, String check, Status status,
                                                  double observed, List<String> evidence) {
        var fixture = new RuleFixture(dir, RULES).snapshot("s1", Map.of("projects.json", projects(tags), "tags.json", VOCABULARY));
        RuleResult result = result(fixture.run("s1"), check);
        assertThat(result.status()).isEqualTo(status);
        assertThat(result.observed()).isEqualTo(observed);
        assertThat(result.evidence()).extracting(e -> e.id() != null ? e.id() : e.values().get("tag"))
                .containsExactlyElementsOf(evidence);
    }

    private static RuleResult result(dev.driftwatch.engine.run.RunReport run, String check) {
        List<RuleResult> results = RuleFixture.of(run, "tags");
        int index = List.of("out_of_vocabulary", "rare", "new").indexOf(check);
        return results.get(index);
    }

    @Test
    void outOfVocabularyMessageNamesTheTagsAndTheirCounts() {
        var fixture = new RuleFixture(dir, RULES).snapshot("s1",
                Map.of("projects.json", projects("\"nlp\"", "\"time-series\"", "\"nlp\",\"time-series\"", "\"cv\""), "tags.json", VOCABULARY));
        RuleResult result = result(fixture.run("s1"), "out_of_vocabulary");
        assertThat(result.message()).isEqualTo("2 of 4 (50.0%) rows with a tags value carry one outside the vocabulary "
                + "of 2 tags (aliases resolved): time-series (2); at most 0.0% allowed.");
        Evidence first = result.evidence().get(0);
        assertThat(first.values()).containsEntry("outside_vocabulary", "time-series").containsEntry("tags", "time-series");
    }

    @Test
    void anInvalidVocabularyFileIsAClearErrorNotACrash() {
        // the shape of Made With ML s12: a comma missing between two objects
        var fixture = new RuleFixture(dir, RULES).snapshot("s12", Map.of("projects.json", projects("\"nlp\""),
                "tags.json", "[{\"tag\": \"nlp\"}\n {\"tag\": \"cv\"}]"));
        RuleResult result = result(fixture.run("s12"), "out_of_vocabulary");
        assertThat(result.status()).isEqualTo(Status.ERROR);
        assertThat(result.message()).startsWith("the tag vocabulary could not be read, so tags cannot be checked: ")
                .contains("tags.json:2: expected a valid JSON vocabulary");
    }

    @Test
    void newTagsAreThoseTheReferenceDidNotHaveAndATagOnlyInTheReferenceIsNotNew() {
        var fixture = new RuleFixture(dir, RULES)
                .snapshot("s1", Map.of("projects.json", projects("\"nlp\"", "\"cv\"", "\"graph-learning\""), "tags.json", VOCABULARY))
                .snapshot("s2", Map.of("projects.json", projects("\"nlp\"", "\"time-series\"", "\"time-series\""), "tags.json", VOCABULARY));
        RuleResult result = result(fixture.run("s2", "s1"), "new");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.observed()).isEqualTo(1.0);
        assertThat(result.message()).isEqualTo("1 tag is new since the reference snapshot: time-series (2); at most 0 allowed.");
    }

    @Test
    void newTagsWithoutAReferenceAreSkippedNotAPass() {
        var fixture = new RuleFixture(dir, RULES).snapshot("s1", Map.of("projects.json", projects("\"nlp\""), "tags.json", VOCABULARY));
        RuleResult result = result(fixture.run("s1"), "new");
        assertThat(result.status()).isEqualTo(Status.SKIPPED);
        assertThat(result.check()).isEqualTo("new");
        assertThat(result.message()).isEqualTo("there is no reference snapshot yet to find new tags against.");
    }
    @Test
    void pastTheExactBoundNewTagsAreALowerBoundAndRareTagsAreNotListed() {
        // 33,000 distinct tags, one per row, pass the 32,768 (TagTally.EXACT_TAGS) counted exactly
        String[] many = new String[33_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "\"t" + i + "\"";
        }
        var fixture = new RuleFixture(dir, RULES)
                .snapshot("s1", Map.of("projects.json", projects("\"nlp\"", "\"nlp\""), "tags.json", VOCABULARY))
                .snapshot("s2", Map.of("projects.json", projects(many), "tags.json", VOCABULARY));
        var run = fixture.run("s2", "s1");
        RuleResult fresh = result(run, "new");
        assertThat(fresh.status()).isEqualTo(Status.FAIL);
        assertThat(fresh.observed()).isPositive();
        assertThat(fresh.message()).startsWith("at least ").contains("more than 32,768 distinct tags, counted by a "
                + "frequent-items sketch").contains("so rarer tags may be new too; at most 0 allowed.");
        RuleResult rare = result(run, "rare");
        assertThat(rare.status()).isEqualTo(Status.SKIPPED);
        assertThat(rare.message()).startsWith("more than 32,768 distinct tags").contains("the rare tags cannot be listed");
    }
}
