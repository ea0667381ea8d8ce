package dev.driftwatch.app.events;

import java.util.Map;
import java.util.Set;

/**
 * Published (Micronaut application event) after the rules folder is (re)loaded and the set of declared
 * datasets or their rules changed.
 *
 * @param rulesByDataset the names of the rules of every dataset now declared; a dataset or rule absent here was removed
 */
public record DatasetCatalogChanged(Map<String, Set<String>> rulesByDataset) {
    public DatasetCatalogChanged {
        rulesByDataset = Map.copyOf(rulesByDataset);
    }
}
