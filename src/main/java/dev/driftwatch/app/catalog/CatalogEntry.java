package dev.driftwatch.app.catalog;

import dev.driftwatch.spec.RulesFile;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One rules file as last read: either its dataset and rules, or what is wrong with it.
 *
 * @param name  the dataset's name; for a broken file, the file name without {@code .yaml}
 * @param file  the rules file
 * @param rules the loaded file, or null when it is broken
 * @param error the mistake as {@code file:line: key: problem}, or null when it loaded
 */
public record CatalogEntry(String name, Path file, @Nullable RulesFile rules, @Nullable String error) {
    public CatalogEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        if ((rules == null) == (error == null)) {
            throw new IllegalArgumentException("expected either rules or an error but found "
                    + (rules == null ? "neither" : "both"));
        }
    }

    public Optional<RulesFile> loaded() {
        return Optional.ofNullable(rules);
    }
}
