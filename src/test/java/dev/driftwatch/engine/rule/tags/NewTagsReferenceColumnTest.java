package dev.driftwatch.engine.rule.tags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New tags need a reference that has the tags column: against one that lacks it (Made With ML turned its
 * {@code tags} list into a single {@code tag} in s18) the result is an error that says so, not "every tag is
 * new". Real projects from src/examples/madewithml (copies of shared/datasets/madewithml); the expected new
 * tags are recounted here from the two projects.json files.
 */
class NewTagsReferenceColumnTest {
    private static final Path SNAPSHOTS = Path.of("src/examples/madewithml/snapshots");
    private static final Path S13 = SNAPSHOTS.resolve("s13_2022-04-18_Made-With-ML_d3491f3/projects.json");
    private static final Path S15 = SNAPSHOTS.resolve("s15_2022-05-02_Made-With-ML_578e612/projects.json");
    private static final String RULES = "columns: {id: id, inputs: [title, description], tags: tags}\n"
            + "rules:\n  - {name: tags, kind: unseen_tags, checks: [new]}\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void againstAReferenceWithoutTheTagsColumnNewTagsAreAnError() throws IOException {
        ArrayNode singleTag = (ArrayNode) JSON.readTree(S15.toFile());
        for (JsonNode project : singleTag) {
            ObjectNode row = (ObjectNode) project;
            row.put("tag", row.remove("tags").get(0).asText());
        }
        var fixture = RuleFixture.csv(dir, RULES)
                .snapshot("s18-like", Map.of("projects.json", JSON.writeValueAsString(singleTag)))
                .snapshot("s15", Map.of("projects.json", Files.readString(S15)));
        assertThat(RuleFixture.of(fixture.run("s15", "s18-like"), "tags")).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(Status.ERROR);
            assertThat(result.message()).isEqualTo(
                    "the reference snapshot has no tags column 'tags', so no tag can be called new against it.");
        });
    }

    @Test
    void againstAReferenceWithTheColumnOnlyItsMissingTagsAreNew() throws IOException {
        Set<String> before = tags(S13).keySet();
        Map<String, Long> fresh = new TreeMap<>(tags(S15));
        fresh.keySet().removeAll(before);
        assertThat(fresh).containsExactly(Map.entry("time-series", 34L));
        var fixture = RuleFixture.csv(dir, RULES)
                .snapshot("s13", Map.of("projects.json", Files.readString(S13)))
                .snapshot("s15", Map.of("projects.json", Files.readString(S15)));
        RuleResult result = RuleFixture.of(fixture.run("s15", "s13"), "tags").get(0);
        assertThat(result.observed()).isEqualTo((double) fresh.size());
        assertThat(result.message()).isEqualTo("1 tag is new since the reference snapshot: time-series (34); at most 0 allowed.");
    }

    /** Rows per tag, a tag repeated in a row counted once. */
    private static Map<String, Long> tags(Path projects) throws IOException {
        Map<String, Long> rows = new TreeMap<>();
        for (JsonNode project : JSON.readTree(projects.toFile())) {
            Set<String> tags = new TreeSet<>();
            project.path("tags").forEach(tag -> tags.add(tag.asText()));
            tags.forEach(tag -> rows.merge(tag, 1L, Long::sum));
        }
        return rows;
    }
}
