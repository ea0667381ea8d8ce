package dev.driftwatch.spec;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A loaded rules file: the dataset it declares and its rules, in file order. */
public record RulesFile(Path file, DatasetDefinition dataset, List<Rule> rules) {
    public RulesFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(dataset, "dataset");
        rules = List.copyOf(rules);
    }
}
