package dev.driftwatch.engine.dataset;

import java.nio.file.Path;
import java.util.Set;

/**
 * The declared vocabulary of a dataset's tags or labels.
 *
 * @param file         a vocabulary file pinned for every snapshot, or null
 * @param inSnapshot   the path of a vocabulary file shipped inside each snapshot folder (e.g. {@code tags.json}), or null;
 *                     when both are given, the snapshot's own file wins
 * @param exclude      tags that are dropped before any check (e.g. {@code other})
 * @param minFrequency the least number of rows a tag needs to be kept (Made With ML's cut-off); 0 for none
 */
public record VocabularyDeclaration(Path file, String inSnapshot, Set<String> exclude, int minFrequency) {
    public VocabularyDeclaration {
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        if (file == null && inSnapshot == null) {
            throw new IllegalArgumentException("expected a vocabulary file or in_snapshot path but found neither");
        }
        if (minFrequency < 0) {
            throw new IllegalArgumentException("min_frequency: expected 0 or more but found " + minFrequency);
        }
    }

    /** The vocabulary file for a snapshot at the given location (a folder, or a file for file-per-snapshot layouts). */
    public Path fileFor(Path snapshotLocation) {
        if (inSnapshot != null && java.nio.file.Files.isDirectory(snapshotLocation)) {
            Path own = snapshotLocation.resolve(inSnapshot);
            if (java.nio.file.Files.exists(own) || file == null) {
                return own;
            }
        }
        return file;
    }
}
