package dev.driftwatch.engine.rule.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Ratios;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * class_balance on a multi-label tags column, on real Made With ML snapshots (src/examples/madewithml, copies of
 * shared/datasets/madewithml): a tag's share is its prevalence, rows carrying it over rows carrying any tag. The
 * expected prevalences are recounted here from projects.json (a tag repeated in one row, as mlops in id 2170 of
 * s15, counts once).
 */
class TagClassBalanceTest {
    private static final Path SNAPSHOTS = Path.of("src/examples/madewithml/snapshots").toAbsolutePath();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s13_2022-04-18_Made-With-ML_d3491f3", "s15_2022-05-02_Made-With-ML_578e612"})
    void eachTagsShareIsItsPrevalence(String snapshot) throws IOException {
        Map<String, Long> rowsPerTag = new TreeMap<>();
        long tagged = 0;
        for (JsonNode project : new ObjectMapper().readTree(SNAPSHOTS.resolve(snapshot).resolve("projects.json").toFile())) {
            Set<String> tags = new LinkedHashSet<>();
            project.path("tags").forEach(tag -> tags.add(tag.asText()));
            tags.forEach(tag -> rowsPerTag.merge(tag, 1L, Long::sum));
            tagged += tags.isEmpty() ? 0 : 1;
        }
        List<Map.Entry<String, Long>> ranked = rowsPerTag.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
        Map.Entry<String, Long> largest = ranked.get(0);
        Map.Entry<String, Long> smallest = ranked.get(ranked.size() - 1);
        double ratio = (double) largest.getValue() / smallest.getValue();

        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "dataset: mwml\nsource: " + SNAPSHOTS + "\nfiles: projects.json\n"
                + "columns: {id: id, inputs: [title, description], tags: tags}\n"
                + "rules:\n  - {name: balance, kind: class_balance}\n");
        RulesFile file = new RulesFileLoader().load(rules);
        var current = new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(file.dataset(), SNAPSHOTS.resolve(snapshot)).orElseThrow();
        var run = new SnapshotEvaluator(new Profiler(), Clock.systemUTC()).evaluate(file.dataset(), file.rules(), current, Optional.empty());

        RuleResult result = RuleFixture.of(run, "balance").get(0);
        assertThat(result.column()).isEqualTo("tags");
        assertThat(result.observed()).isEqualTo(ratio);
        assertThat(result.status()).isEqualTo(ratio > 10 ? Status.FAIL : Status.PASS);
        assertThat(result.message()).startsWith(String.format(java.util.Locale.ROOT, "tags in all: the largest tag (%s) has"
                        + " %.1f times the rows of the smallest (%s, %s of rows with a tag)", largest.getKey(), ratio,
                smallest.getKey(), Ratios.percent((double) smallest.getValue() / tagged)));
        long total = tagged;
        // evidence (on a failure) lists every tag with its rows, most frequent first
        assertThat(result.evidence()).extracting(Evidence::values).containsExactlyElementsOf(ratio <= 10 ? List.of()
                : ranked.stream().map(e -> Map.of("tag", e.getKey(), "rows", Ratios.share(e.getValue(), total))).toList());
    }
}
