package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import dev.driftwatch.spec.RulesFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The row checks that merge: a check per part of the rows (every k-th row, so each part's first evidence rows are not
 * the snapshot's), each sent through Java serialization and merged in reverse into a fresh check, judges as one check
 * that saw every row: same status, observed value, message and evidence, result for result.
 */
class MergeableRowChecksTest {
    private static final Comparator<Evidence> IN_FILE_ORDER = Comparator.comparing(Evidence::source)
            .thenComparingLong(Evidence::line);
    private static final String RULES = """
            dataset: merged
            source: snapshots
            layout: folder_per_snapshot
            files: rows.jsonl
            columns: {id: id, tags: tags, label: y, numeric: [x]}
            vocabulary: {in_snapshot: tags.json, min_frequency: 3}
            rules:
              - {name: range, kind: value_range, columns: [x], min: 0, max: 50, max_evidence: 3}
              - {name: types, kind: type_consistency, columns: [x, t], max_evidence: 4}
              - {name: fresh, kind: freshness, max_age: 2d, column: t}
              - {name: tags, kind: unseen_tags, max_evidence: 2}
              - {name: leak, kind: target_leakage, features: [c]}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {1, 2, 3, 7})
    void checksOfPartsMergedJudgeAsOneCheckOfAllRows(int parts) {
        var fixture = new RuleFixture(dir, RULES).snapshot("s1", Map.of("rows.jsonl", rows(60),
                "tags.json", "[{\"tag\": \"nlp\", \"aliases\": [\"language\"]}, {\"tag\": \"cv\"}]"));
        RulesFile rules = fixture.rules();
        RunReport whole = evaluate(rules, rules.rules());
        RunReport merged = evaluate(rules, rules.rules().stream().<Rule>map(rule -> new InParts(rule, parts)).toList());

        assertThat(merged.results()).hasSize(whole.results().size()).isEqualTo(whole.results());
        // the case is worth testing: every rule fails and shows evidence where it keeps some
        assertThat(whole.results()).extracting(RuleResult::status).doesNotContain(Status.PASS, Status.ERROR);
        assertThat(whole.results()).filteredOn(r -> List.of("range", "types").contains(r.rule()))
                .allSatisfy(r -> assertThat(r.evidence()).isNotEmpty());
    }

    /**
     * Row i: x = 1.5 i (above 50 from i = 34), a word where i % 17 == 5, blank where i % 11 == 3; t a November day,
     * unparseable where i % 19 == 7; tags nlp, an alias, cv, or one of nine unknown tags; label y "yes" where
     * i % 4 == 3, else "no", and c a copy of it (A for yes, B or C for no); no label where i % 13 == 1.
     */
    private static String rows(int count) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String x = i % 17 == 5 ? "many" : i % 11 == 3 ? "" : String.valueOf(i * 1.5);
            String t = i % 19 == 7 ? "soon" : "2026-11-%02dT10:00:00Z".formatted(1 + i % 20);
            String tags = switch (i % 4) {
                case 0 -> "\"nlp\"";
                case 1 -> "\"language\", \"cv\"";
                case 2 -> "\"cv\"";
                default -> "\"unknown-" + i % 9 + "\"";
            };
            String y = i % 13 == 1 ? "" : i % 4 == 3 ? "yes" : "no";
            String c = i % 4 == 3 ? "A" : i % 2 == 0 ? "B" : "C";
            jsonl.append("{\"id\": \"r").append(i).append("\", \"x\": \"").append(x).append("\", \"t\": \"").append(t)
                    .append("\", \"y\": \"").append(y).append("\", \"c\": \"").append(c)
                    .append("\", \"tags\": [").append(tags).append("]}\n");
        }
        return jsonl.toString();
    }

    private RunReport evaluate(RulesFile rules, List<Rule> judged) {
        var clock = Clock.fixed(RuleFixture.NOW, ZoneOffset.UTC);
        var snapshot = new SnapshotDiscovery(clock).snapshotAt(rules.dataset(), dir.resolve("snapshots/s1")).orElseThrow();
        return new SnapshotEvaluator(new Profiler(), clock).evaluate(rules.dataset(), judged, snapshot, Optional.empty());
    }

    /** A rule whose row check feeds every {@code parts}-th row to each of its parts, and merges them to judge. */
    private record InParts(Rule rule, int parts) implements Rule {
        @Override
        public String name() {
            return rule.name();
        }

        @Override
        public String kind() {
            return rule.kind();
        }

        @Override
        public Severity severity() {
            return rule.severity();
        }

        @Override
        public void declare(ProfileRequest.Builder request) {
            rule.declare(request);
        }

        @Override
        public Optional<RowCheck> newRowCheck(DatasetDefinition dataset, VocabularyLookup vocabulary) {
            return Optional.of(new Parts(() -> (MergeableRowCheck) rule.newRowCheck(dataset, vocabulary).orElseThrow(),
                    parts));
        }

        @Override
        public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
            return rule.evaluate(context, ((Parts) rowCheck).merged());
        }
    }

    private static final class Parts implements Rule.RowCheck {
        private final java.util.function.Supplier<MergeableRowCheck> fresh;
        private final List<MergeableRowCheck> parts = new ArrayList<>();
        private long rows;

        Parts(java.util.function.Supplier<MergeableRowCheck> fresh, int count) {
            this.fresh = fresh;
            for (int i = 0; i < count; i++) {
                parts.add(fresh.get());
            }
        }

        @Override
        public void accept(dev.driftwatch.engine.data.Row row) {
            parts.get((int) (rows++ % parts.size())).accept(row);
        }

        /** The parts merged in reverse, summarised, and merged into a fresh check, as the Spark runner does. */
        MergeableRowCheck merged() {
            MergeableRowCheck all = fresh.get();
            for (int i = parts.size() - 1; i >= 0; i--) {
                all.merge(travelled(parts.get(i)), IN_FILE_ORDER);
            }
            MergeableRowCheck whole = fresh.get();
            whole.merge(travelled(all.summarised()), IN_FILE_ORDER);
            return whole;
        }
    }

    private static MergeableRowCheck travelled(MergeableRowCheck check) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(check);
            }
            try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (MergeableRowCheck) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
