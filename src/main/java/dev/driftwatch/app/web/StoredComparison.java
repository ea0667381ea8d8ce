package dev.driftwatch.app.web;

import dev.driftwatch.app.catalog.CatalogEntry;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.RunRepository;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunStore;
import dev.driftwatch.app.storage.SnapshotRepository;
import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.SnapshotEvaluator;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import dev.driftwatch.report.html.ComparePage;
import dev.driftwatch.report.html.SnapshotComparison;
import dev.driftwatch.spec.RulesFile;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page that compares two snapshots of a dataset, the second judged against the first as its reference (whatever
 * the declared reference policy). By default from the stored profiles of their latest successful runs, by the
 * dataset's rules that need no rows; asked to read the rows, it reads the second snapshot's files again and judges
 * it by every rule against the first's stored profile, as {@code check --reference} does. Stores nothing; thread-safe.
 */
@Singleton
class StoredComparison {
    private final DatasetCatalog catalog;
    private final DatasetRepository datasets;
    private final SnapshotRepository snapshots;
    private final RunRepository runs;
    private final RunStore store;
    private final SnapshotEvaluator evaluator;
    private final SnapshotDiscovery discovery;
    private final Clock clock;

    StoredComparison(DatasetCatalog catalog, DatasetRepository datasets, SnapshotRepository snapshots, RunRepository runs, RunStore store,
                     SnapshotEvaluator evaluator, SnapshotDiscovery discovery, Clock clock) {
        this.discovery = discovery;
        this.evaluator = evaluator;
        this.clock = clock;
        this.catalog = catalog;
        this.datasets = datasets;
        this.snapshots = snapshots;
        this.runs = runs;
        this.store = store;
    }

    /** The page, or empty when no dataset of that name is declared. */
    Optional<String> page(String dataset, String from, String to, boolean readRows) {
        Optional<CatalogEntry> entry = catalog.entry(dataset);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<RulesFile> rules = entry.get().loaded();
        Map<String, RunRow> profiled = profiled(dataset);
        List<String> names = List.copyOf(profiled.keySet());
        var roles = rules.map(r -> r.dataset().columns()).orElse(dev.driftwatch.engine.dataset.ColumnRoles.none());
        if (from == null || to == null) {
            return Optional.of(ComparePage.document(dataset, names, from, to, false, null, null, roles, StoredPages.HOME));
        }
        String problem = rules.isEmpty() ? "the rules file of " + dataset + " has a mistake: " + entry.get().error()
                : !profiled.containsKey(from) ? missing(dataset, from, names)
                : !profiled.containsKey(to) ? missing(dataset, to, names) : null;
        SnapshotComparison comparison = null;
        if (problem == null) {
            try {
                comparison = compare(rules.get(), from, profiled.get(from), to, profiled.get(to), readRows);
            } catch (RuntimeException e) {
                problem = (readRows ? "the snapshot " + to + " could not be read again: " : "the stored profiles could not be compared: ")
                        + e.getMessage();
            }
        }
        return Optional.of(ComparePage.document(dataset, names, from, to, readRows, comparison, problem, roles, StoredPages.HOME));
    }

    private static String missing(String dataset, String snapshot, List<String> names) {
        return "expected a snapshot of " + dataset + " with a stored profile named '" + snapshot + "' but found only " + names;
    }

    private SnapshotComparison compare(RulesFile rules, String from, RunRow fromRun, String to, RunRow toRun, boolean readRows) {
        SnapshotProfile reference = store.profile(fromRun).orElseThrow(() -> new IllegalStateException("no stored profile of " + from));
        DatasetDefinition dataset = rules.dataset().withReference(ReferencePolicy.previous());
        SnapshotRow toRow = snapshots.findById(toRun.snapshotId()).orElseThrow();
        var snapshot = toRow.toSnapshot(dataset.name());
        if (readRows) {
            var found = discovery.snapshotAt(dataset, Path.of(toRow.path()))
                    .orElseThrow(() -> new IllegalStateException("expected its files at " + toRow.path() + " but found none"));
            if (toRow.fingerprint() != null && found.fingerprint() != null && !toRow.fingerprint().equals(found.fingerprint())) {
                throw new IllegalStateException("expected the content it had when found (" + toRow.fingerprint()
                        + ") but its files at " + toRow.path() + " have changed (" + found.fingerprint() + ")");
            }
            RunReport run = evaluator.evaluate(dataset, rules.rules(), found, Optional.of(new SnapshotEvaluator.Reference(from, reference)));
            return new SnapshotComparison(from, reference, to, run.profile(), run.results(), List.of());
        }
        SnapshotProfile current = store.profile(toRun).orElseThrow(() -> new IllegalStateException("no stored profile of " + to));
        VocabularyLookup vocabulary = VocabularyLookup.of(dataset.vocabulary(), Path.of(snapshot.provenance().path()));
        var context = new EvaluationContext(dataset, snapshot, current, Optional.of(reference), clock.instant(), vocabulary);
        List<RuleResult> results = new ArrayList<>();
        List<String> rowRules = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (rule.newRowCheck(dataset, vocabulary).isPresent()) {
                rowRules.add(rule.name());
                continue;
            }
            try {
                results.addAll(rule.evaluate(context, null));
            } catch (RuntimeException e) {
                results.add(RuleResult.error(rule, null, null, "the rule could not be evaluated: " + e));
            }
        }
        return new SnapshotComparison(from, reference, to, current, results, rowRules);
    }

    /** The dataset's snapshots with a successful run, in the catalog's order, with their latest such run. */
    private Map<String, RunRow> profiled(String dataset) {
        Map<String, RunRow> profiled = new LinkedHashMap<>();
        datasets.findByName(dataset).ifPresent(d -> {
            for (SnapshotRow snapshot : catalog.inOrder(dataset, snapshots.findByDatasetIdOrderByName(d.id()))) {
                runs.findFirstBySnapshotIdAndStatusOrderByIdDesc(snapshot.id(), "succeeded").ifPresent(r -> profiled.put(snapshot.name(), r));
            }
        });
        return profiled;
    }
}
