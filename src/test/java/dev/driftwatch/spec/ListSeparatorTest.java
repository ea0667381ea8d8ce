package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.TagSummary;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list_separator:} on the real Made With ML snapshot s01 (2,032 projects, a list of tags each), written once as
 * JSON lines with tag arrays and once as csv with the tags joined by "|" (" | " on every other row, to show items are
 * stripped): both give the same tag counts, and the text-classification preset judges both alike.
 */
class ListSeparatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RULES = """
            dataset: mwml
            source: .
            layout: file_per_snapshot
            files: "%s"
            %s
            columns:
              id: id
              inputs: [title, description]
              tags: tags
            vocabulary: {file: %s, exclude: [other], min_frequency: 75}
            presets: [text-classification]
            """;

    @TempDir
    static Path dir;
    private static Map<String, Long> recount;
    private static RunReport csv;
    private static RunReport jsonl;

    @BeforeAll
    static void writeBothFormatsAndEvaluate() throws IOException, URISyntaxException {
        Path resources = Path.of(ListSeparatorTest.class.getResource("/datasets/madewithml-s01").toURI());
        JsonNode projects = JSON.readTree(resources.resolve("projects.json").toFile());
        Path csvFile = dir.resolve("projects.csv");
        Path jsonlFile = dir.resolve("projects.jsonl");
        try (Writer out = Files.newBufferedWriter(csvFile); CsvWriter rows = CsvWriter.builder().build(out);
             Writer lines = Files.newBufferedWriter(jsonlFile)) {
            rows.writeRecord("id", "title", "description", "tags");
            for (JsonNode project : projects) {
                List<String> tags = new ArrayList<>();
                project.get("tags").forEach(tag -> tags.add(tag.asText()));
                rows.writeRecord(project.get("id").asText(), project.get("title").asText(), project.get("description").asText(),
                        String.join(project.get("id").asLong() % 2 == 0 ? "|" : " | ", tags));
                // the JSON arrays hold the tags stripped, as list_separator strips them: one tag of s01 is written
                // "arxiv:2005.10872 " (python: [t for r in rows for t in r['tags'] if t != t.strip()])
                var array = ((com.fasterxml.jackson.databind.node.ObjectNode) project).putArray("tags");
                tags.forEach(tag -> array.add(tag.strip()));
                lines.write(JSON.writeValueAsString(project) + "\n");
            }
        }
        // the tag counts recounted from the csv text: every row's last field split at "|", items stripped
        recount = new TreeMap<>();
        de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(csvFile).stream().skip(1).forEach(record -> {
            for (String tag : record.getField(3).split("\\|")) {
                if (!tag.strip().isEmpty()) {
                    recount.merge(tag.strip(), 1L, Long::sum);
                }
            }
        });
        Path vocabulary = resources.resolve("tags.json");
        csv = evaluate(csvFile, RULES.formatted("projects.csv", "list_separator: \"|\"", vocabulary));
        jsonl = evaluate(jsonlFile, RULES.formatted("projects.jsonl", "", vocabulary));
    }

    private static RunReport evaluate(Path data, String rulesText) throws IOException {
        Path rulesFile = dir.resolve(data.getFileName() + ".yaml");
        Files.writeString(rulesFile, rulesText, StandardCharsets.UTF_8);
        RulesFile rules = new RulesFileLoader().load(rulesFile);
        String name = data.getFileName().toString();
        var snapshot = new Snapshot("mwml", name, List.of(new SnapshotFile(data, name, "all",
                rules.dataset().formatOf(name), Files.size(data))),
                new Provenance(data.toString(), Files.size(data), "-", Instant.EPOCH, Instant.EPOCH, Map.of()));
        return new SnapshotEvaluator(new Profiler(2), Clock.systemUTC()).evaluate(rules.dataset(), rules.rules(), snapshot,
                Optional.empty());
    }

    private static TagSummary tags(RunReport run) {
        return run.profile().split("all").orElseThrow().tags().orElseThrow();
    }

    @Test
    void theCsvTagsAreCountedTagByTagAsTheJsonArraysAre() {
        // python (MadeWithMlTagsTest): 2,528 distinct tags, 15,177 occurrences; code 1357, tutorial 1059, article 1040
        assertThat(recount).hasSize(2528);
        assertThat(recount.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(15177);
        Map<String, Long> counted = new TreeMap<>();
        tags(csv).frequencies().forEach(count -> counted.put(count.value(), count.count()));
        assertThat(counted).isEqualTo(recount);
        assertThat(tags(csv).frequencies()).isEqualTo(tags(jsonl).frequencies());
        assertThat(tags(csv).frequencies().subList(0, 3)).containsExactly(new ValueCount("code", 1357),
                new ValueCount("tutorial", 1059), new ValueCount("article", 1040));
        assertThat(tags(csv).tagsPerRow()).isEqualTo(tags(jsonl).tagsPerRow());
        assertThat(tags(csv).outOfVocabulary()).isEqualTo(tags(jsonl).outOfVocabulary());
    }

    @Test
    void theRulesOnTheTagsJudgeTheCsvAsTheJson() {
        assertThat(csv.results()).extracting(RuleResult::rule).contains("unseen-tags", "conflicting-labels", "label-balance");
        assertThat(csv.results()).extracting(ListSeparatorTest::verdict)
                .containsExactlyElementsOf(jsonl.results().stream().map(ListSeparatorTest::verdict).toList());
    }

    private static String verdict(RuleResult result) {
        return result.rule() + " " + result.column() + " " + result.split() + " " + result.check() + " " + result.status()
                + " " + result.observed() + " " + result.message();
    }
}
