package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.spill.MemoryBudget;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A dataset on disk for rule tests: a rules file written from YAML text and snapshot folders written
 * from file texts, evaluated through the real loader, profiler and evaluator.
 */
public final class RuleFixture {
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final Path root;
    private final String rulesYaml;
    private LongFunction<MemoryBudget> budgetOf = MemoryBudget::new;

    public RuleFixture(Path root, String rulesYaml) {
        this.root = root;
        this.rulesYaml = rulesYaml;
    }

    /** A rules file for a folder-per-snapshot dataset of CSV files, with the given extra YAML (columns, rules). */
    public static RuleFixture csv(Path root, String yaml) {
        return new RuleFixture(root, "dataset: fixture\nsource: snapshots\nlayout: folder_per_snapshot\n" + yaml);
    }

    public RuleFixture snapshot(String id, Map<String, String> files) {
        files.forEach((name, text) -> write(root.resolve("snapshots").resolve(id).resolve(name), text));
        return this;
    }

    /** Runs with each run's row memory made by {@code budgetOf} (to watch it). */
    public RuleFixture rowMemory(LongFunction<MemoryBudget> budgetOf) {
        this.budgetOf = budgetOf;
        return this;
    }

    public RulesFile rules() {
        Path file = root.resolve("rules.yaml");
        write(file, rulesYaml);
        return new RulesFileLoader().load(file);
    }

    public RunReport run(String snapshotId) {
        return run(snapshotId, null);
    }

    /** Evaluates a snapshot, first evaluating the reference snapshot (when given) for its profile. */
    public RunReport run(String snapshotId, String referenceId) {
        RulesFile rules = rules();
        var evaluator = new SnapshotEvaluator(new Profiler(), Clock.fixed(NOW, ZoneOffset.UTC), budgetOf);
        Optional<SnapshotEvaluator.Reference> reference = Optional.empty();
        if (referenceId != null) {
            RunReport ref = evaluator.evaluate(rules.dataset(), rules.rules(), snapshot(rules, referenceId), Optional.empty());
            reference = Optional.of(new SnapshotEvaluator.Reference(referenceId, ref.profile()));
        }
        return evaluator.evaluate(rules.dataset(), rules.rules(), snapshot(rules, snapshotId), reference);
    }

    /** The results of one rule. */
    public static List<RuleResult> of(RunReport run, String rule) {
        return run.results().stream().filter(r -> r.rule().equals(rule)).toList();
    }

    private Snapshot snapshot(RulesFile rules, String id) {
        return new SnapshotDiscovery(Clock.fixed(NOW, ZoneOffset.UTC))
                .snapshotAt(rules.dataset(), root.resolve("snapshots").resolve(id)).orElseThrow();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
