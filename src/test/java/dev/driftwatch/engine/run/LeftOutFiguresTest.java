package dev.driftwatch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.spec.RulesFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose profile nobody sees leaves out what only the EDA shows, says so when asked for it, and judges the same. */
class LeftOutFiguresTest {
    private static final Set<ProfileRequest.EdaOnly> ALL = EnumSet.allOf(ProfileRequest.EdaOnly.class);
    private static final String RULES = """
            columns: {id: id, inputs: [text], label: label, numeric: [x], categorical: [label]}
            splits: {by: column, column: split}
            rules:
              - {name: present, kind: missing_values, columns: [text, x], max_ratio: 0.2}
              - {name: copies, kind: duplicate_rows, severity: warn}
              - {name: conflicts, kind: conflicting_labels}
              - {name: leaks, kind: split_leakage, modes: [exact, normalised]}
              - {name: types, kind: type_consistency}
              - {name: balance, kind: class_balance, max_imbalance_ratio: 2}
            """;

    @TempDir
    Path dir;

    @Test
    void aGateThatShowsNoProfileJudgesAsTheFullRunAndRefusesToReadWhatItLeftOut() {
        String csv = csv(new Random(7), 1500);
        RulesFile file = RuleFixture.csv(dir, RULES).snapshot("s1", Map.of("data.csv", csv)).rules();

        RunReport full = evaluate(file, new SnapshotEvaluator(new Profiler(), Clock.systemUTC()));
        RunReport gate = evaluate(file, new SnapshotEvaluator(new Profiler(), Clock.systemUTC()).leavingOut(ALL));

        assertThat(judged(gate.results())).isEqualTo(judged(full.results()));
        assertThat(judged(gate.results())).anyMatch(line -> line.startsWith("copies WARN"));
        // the full run's figures, recounted here from the rows written
        ColumnProfile text = full.profile().split("train").orElseThrow().columns().get("text");
        assertThat(text.distinct()).isEqualTo(distinctTexts(csv, "train"));
        assertThat(full.profile().duplicates().duplicateRows()).isEqualTo(duplicateRows(csv));
        // the gate's profile says what it left out, never 0
        ColumnProfile leftOut = gate.profile().split("train").orElseThrow().columns().get("text");
        assertThatThrownBy(leftOut::distinct).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("distinct values of column text").hasMessageContaining("left them out");
        assertThat(gate.profile().duplicatesCounted()).isFalse();
        assertThatThrownBy(() -> gate.profile().duplicates()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate rows").hasMessageContaining("left them out");
        assertThat(leftOut.count()).isEqualTo(text.count());
        assertThat(leftOut.missing()).isEqualTo(text.missing());
    }

    @Test
    void aRuleThatFollowsADistinctCountOrTheDuplicateShareKeepsItMeasured() {
        String csv = csv(new Random(11), 600);
        RulesFile file = RuleFixture.csv(dir, RULES + """
                  - {name: texts-follow, kind: anomaly, metric: distinct, column: text, strategy: z_score, max_z: 3, min_history: 2}
                  - {name: copies-follow, kind: anomaly, metric: duplicate_share, strategy: z_score, max_z: 3, min_history: 2}
                """).snapshot("s1", Map.of("data.csv", csv)).rules();

        RunReport gate = evaluate(file, new SnapshotEvaluator(new Profiler(), Clock.systemUTC()).leavingOut(ALL));

        assertThat(gate.profile().split("train").orElseThrow().columns().get("text").distinct())
                .isEqualTo(distinctTexts(csv, "train"));
        assertThat(gate.profile().duplicates().duplicateRows()).isEqualTo(duplicateRows(csv));
    }

    @Test
    void aGateCountsTheTagsButNotTheWordsOfEachTag() {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("id,text,tags,split\n");
        for (int i = 0; i < 900; i++) {
            String tag = "t" + random.nextInt(6);
            csv.append("r").append(i).append(",word").append(random.nextInt(40)).append(" common ").append(tag)
                    .append(',').append(tag).append(',').append(i % 2 == 0 ? "train" : "test").append('\n');
        }
        RulesFile file = RuleFixture.csv(dir, """
                columns: {id: id, inputs: [text], text: [text], tags: tags}
                splits: {by: column, column: split}
                rules:
                  - {name: rare, kind: unseen_tags, min_frequency: 160}
                """).snapshot("s1", Map.of("data.csv", csv.toString())).rules();

        RunReport full = evaluate(file, new SnapshotEvaluator(new Profiler(), Clock.systemUTC()));
        RunReport gate = evaluate(file, new SnapshotEvaluator(new Profiler(), Clock.systemUTC()).leavingOut(ALL));

        assertThat(judged(gate.results())).isEqualTo(judged(full.results()));
        var fullTags = full.profile().split("train").orElseThrow().tags().orElseThrow();
        var gateTags = gate.profile().split("train").orElseThrow().tags().orElseThrow();
        // rows per tag in train, recounted from the rows written (every even row is train)
        Map<String, Long> recounted = new java.util.TreeMap<>();
        csv.toString().lines().skip(1).map(line -> line.split(",")).filter(f -> f[3].equals("train"))
                .forEach(f -> recounted.merge(f[2], 1L, Long::sum));
        Map<String, Long> counted = new java.util.TreeMap<>();
        gateTags.frequencies().forEach(tag -> counted.put(tag.value(), tag.count()));
        assertThat(counted).isEqualTo(recounted);
        assertThat(fullTags.frequencies()).isEqualTo(gateTags.frequencies());
        assertThat(fullTags.distinctiveWords(3, 3)).isNotEmpty();
        assertThatThrownBy(() -> gateTags.distinctiveWords(3, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("words of each tag of column tags").hasMessageContaining("left them out");
    }

    private RunReport evaluate(RulesFile file, SnapshotEvaluator evaluator) {
        var snapshot = new SnapshotDiscovery(Clock.systemUTC())
                .snapshotAt(file.dataset(), dir.resolve("snapshots").resolve("s1")).orElseThrow();
        return evaluator.evaluate(file.dataset(), file.rules(), snapshot, Optional.empty());
    }

    /** Rows with repeated texts (some with another label, some copied whole, some in both splits) and a few blanks. */
    private static String csv(Random random, int rows) {
        StringBuilder csv = new StringBuilder("id,text,label,x,split\n");
        String[] previous = null;
        for (int i = 0; i < rows; i++) {
            String[] row = {"r" + i, random.nextInt(10) == 0 ? "" : "text " + random.nextInt(rows / 3),
                    random.nextBoolean() ? "a" : "b", Integer.toString(random.nextInt(50)),
                    random.nextInt(4) == 0 ? "test" : "train"};
            if (previous != null && random.nextInt(20) == 0) {
                row = previous.clone();
            }
            csv.append(String.join(",", row)).append('\n');
            previous = row;
        }
        return csv.toString();
    }

    private static long distinctTexts(String csv, String split) {
        Set<String> texts = new HashSet<>();
        csv.lines().skip(1).map(line -> line.split(",", -1)).filter(f -> f[4].equals(split) && !f[1].isEmpty())
                .forEach(f -> texts.add(f[1]));
        return texts.size();
    }

    /** Rows equal, but for the split column, to an earlier row (the id is copied too, so only copies count). */
    private static long duplicateRows(String csv) {
        Set<String> seen = new HashSet<>();
        return csv.lines().skip(1).map(line -> line.substring(0, line.lastIndexOf(','))).filter(row -> !seen.add(row)).count();
    }

    private static List<String> judged(List<RuleResult> results) {
        return results.stream().map(r -> r.rule() + " " + r.status() + " " + r.observed() + " " + r.message()).toList();
    }
}
