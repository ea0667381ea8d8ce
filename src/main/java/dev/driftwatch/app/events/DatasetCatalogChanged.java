package dev.driftwatch.app.events;

import java.util.Map;
import java.util.Set;

/**
 * Published (Micronaut application event) after the rules folder is (re)loaded and the set of declared
 * datasets, their rules, or the validity of their rules files changed.
 *
 * @param rulesByDataset the names of the rules of every dataset whose rules file loads; a dataset or rule absent
 *                       here and from {@code broken} was removed
 * @param files          the rules file of every dataset, loaded or broken
 * @param broken         the datasets whose rules file no longer loads: their last stored results stay as they are
 *                       until the file is fixed or removed
 */
public record DatasetCatalogChanged(Map<String, Set<String>> rulesByDataset, Map<String, String> files,
                                    Set<String> broken) {
    public DatasetCatalogChanged {
        rulesByDataset = Map.copyOf(rulesByDataset);
        files = Map.copyOf(files);
        broken = Set.copyOf(broken);
    }

    /** Every dataset loaded, none broken, files unknown. */
    public DatasetCatalogChanged(Map<String, Set<String>> rulesByDataset) {
        this(rulesByDataset, Map.of(), Set.of());
    }

    /** Whether the dataset is still declared, by a file that loads or one that is broken for now. */
    public boolean declares(String dataset) {
        return rulesByDataset.containsKey(dataset) || broken.contains(dataset);
    }
}
