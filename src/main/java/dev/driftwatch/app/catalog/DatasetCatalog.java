package dev.driftwatch.app.catalog;

import dev.driftwatch.app.storage.SnapshotRow;
import dev.driftwatch.engine.dataset.SnapshotOrder;

import dev.driftwatch.app.config.DriftwatchConfiguration;
import dev.driftwatch.app.events.DatasetCatalogChanged;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.spec.DatasetNames;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datasets declared in the rules folder ({@code driftwatch.rules}, every {@code *.yaml} and
 * {@code *.yml}), re-read on each {@link #reload()} so edits are picked up. A broken file becomes an
 * entry with its error and never hides the others; so does a file whose data lies outside the data roots
 * (the injected {@link RulesFileLoader} checks {@code driftwatch.data-roots}). Of two files that declare one
 * dataset, the one already watched stays and the newcomer is reported (see {@link #reload()}). Publishes
 * {@link DatasetCatalogChanged} when the set
 * of datasets or their rules changes. Thread-safe.
 */
@Singleton
public class DatasetCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetCatalog.class);

    private final Path folder;
    private final RulesFileLoader loader;
    private final ApplicationEventPublisher<DatasetCatalogChanged> events;
    private final Map<Path, String> reportedErrors = new ConcurrentHashMap<>();
    private volatile Map<String, CatalogEntry> entries;
    private DatasetCatalogChanged published;

    public DatasetCatalog(DriftwatchConfiguration configuration, RulesFileLoader loader,
                          ApplicationEventPublisher<DatasetCatalogChanged> events) {
        this.folder = configuration.rules();
        this.loader = loader;
        this.events = events;
    }

    /**
     * Reads the rules folder again; returns the entries by dataset name, sorted. When several files declare one
     * dataset, the file that declared it before this reload keeps it (the one whose runs are stored); on a first
     * read, the first file in path order does. Each other file becomes an entry {@code <dataset>@<file name>} with
     * the clash as its error, and the clash is logged.
     */
    public synchronized Map<String, CatalogEntry> reload() {
        Map<String, CatalogEntry> before = entries == null ? Map.of() : entries;
        Map<String, List<CatalogEntry>> byName = new LinkedHashMap<>();
        for (Path file : files()) {
            CatalogEntry entry = namedAsBefore(load(file), before);
            byName.computeIfAbsent(entry.name(), name -> new java.util.ArrayList<>()).add(entry);
        }
        Map<String, CatalogEntry> loaded = new TreeMap<>();
        byName.forEach((name, declaring) -> {
            CatalogEntry kept = kept(before.get(name), declaring);
            loaded.put(name, kept);
            declaring.stream().filter(entry -> entry != kept).forEach(newcomer -> {
                CatalogEntry rejected = rejected(newcomer, kept);
                report(newcomer.file(), rejected.error());
                loaded.put(rejected.name(), rejected);
            });
        });
        entries = java.util.Collections.unmodifiableMap(loaded);
        publishIfChanged(loaded);
        return entries;
    }

    /** A broken file that declared a dataset before keeps that dataset's name, so its stored results stay its own. */
    private static CatalogEntry namedAsBefore(CatalogEntry entry, Map<String, CatalogEntry> before) {
        if (entry.loaded().isPresent()) {
            return entry;
        }
        return before.values().stream()
                .filter(earlier -> earlier.file().equals(entry.file()) && !earlier.name().contains("@"))
                .findFirst()
                .map(earlier -> new CatalogEntry(earlier.name(), entry.file(), null, entry.error()))
                .orElse(entry);
    }

    /** The state of the catalog as {@link DatasetCatalogChanged} tells it. */
    public DatasetCatalogChanged state() {
        return state(entries());
    }

    private static DatasetCatalogChanged state(Map<String, CatalogEntry> loaded) {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> broken = new LinkedHashSet<>();
        loaded.values().forEach(entry -> {
            if (entry.name().contains("@")) {
                return; // a second file declaring a dataset: its error is reported, the dataset is the other file's
            }
            files.put(entry.name(), entry.file().toString());
            entry.loaded().ifPresentOrElse(file -> rules.put(file.dataset().name(), file.rules().stream().map(Rule::name)
                            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))),
                    () -> broken.add(entry.name()));
        });
        return new DatasetCatalogChanged(rules, files, broken);
    }

    /**
     * Of the entries of one name: the file that declared it before, else the first loaded file in path order (a
     * broken file, named by its file name, never displaces a loaded one), else the first.
     */
    private static CatalogEntry kept(CatalogEntry before, List<CatalogEntry> declaring) {
        return declaring.stream()
                .filter(entry -> before != null && entry.file().equals(before.file()) && entry.loaded().isPresent())
                .findFirst()
                .or(() -> declaring.stream().filter(entry -> entry.loaded().isPresent()).findFirst())
                .orElse(declaring.get(0));
    }

    private static CatalogEntry rejected(CatalogEntry newcomer, CatalogEntry kept) {
        String problem = newcomer.loaded()
                .map(rules -> DatasetNames.clash(rules, List.of(kept.file())).getMessage()
                        + "; the service keeps watching " + kept.file())
                .orElse(newcomer.error());
        return new CatalogEntry(newcomer.name() + "@" + newcomer.file().getFileName(), newcomer.file(), null, problem);
    }

    /** The entries as last read, reading them first if they never were. */
    public Map<String, CatalogEntry> entries() {
        Map<String, CatalogEntry> current = entries;
        return current != null ? current : reload();
    }

    public Optional<CatalogEntry> entry(String name) {
        return Optional.ofNullable(entries().get(name));
    }

    /** How a dataset's snapshots are ordered: as its rules file says, else (unknown or broken file) by time. */
    public SnapshotOrder orderOf(String name) {
        return entry(name).flatMap(CatalogEntry::loaded).map(rules -> rules.dataset().layout().order())
                .orElse(SnapshotOrder.MODIFIED);
    }

    /** Stored snapshots of a dataset in the order its runs compare them (oldest first), not by plain name. */
    public List<SnapshotRow> inOrder(String name, List<SnapshotRow> snapshots) {
        return snapshots.stream().sorted(orderOf(name).comparator(SnapshotRow::name, SnapshotRow::modifiedAt)).toList();
    }

    private CatalogEntry load(Path file) {
        try {
            RulesFile rules = loader.load(file);
            if (reportedErrors.remove(file) != null) {
                LOG.info("rules file {} is valid again: dataset {}", file, rules.dataset().name());
            }
            return new CatalogEntry(rules.dataset().name(), file, rules, null);
        } catch (RuntimeException e) {
            report(file, e.getMessage());
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return new CatalogEntry(stem, file, null, String.valueOf(e.getMessage()));
        }
    }

    private void report(Path file, String error) {
        if (!error.equals(reportedErrors.put(file, error))) {
            LOG.error("rules file rejected, its dataset is not watched until it is fixed: {}", error);
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(folder)) {
            LOG.warn("expected a folder of rules files at {} but found none", folder.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            LOG.error("could not list the rules folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    private void publishIfChanged(Map<String, CatalogEntry> loaded) {
        DatasetCatalogChanged state = state(loaded);
        if (!state.equals(published)) {
            published = state;
            LOG.info("datasets declared in {}: {}{}", folder, state.rulesByDataset().keySet(),
                    state.broken().isEmpty() ? "" : ", with a broken rules file: " + state.broken());
            try {
                events.publishEvent(state);
            } catch (RuntimeException e) {
                LOG.error("a listener of the dataset catalog failed: {}", e.toString(), e);
            }
        }
    }
}
