package dev.driftwatch.engine.vocabulary;

import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The vocabulary that applies to one snapshot: none declared, read, or declared but unreadable (with
 * why, so a rule that needs it reports an error instead of passing silently).
 */
public record VocabularyLookup(VocabularyDeclaration declaration, Optional<TagVocabulary> vocabulary,
                               Optional<String> problem) {
    public static VocabularyLookup none() {
        return new VocabularyLookup(null, Optional.empty(), Optional.empty());
    }

    /** Reads the declared vocabulary for the snapshot at a location; never throws. */
    public static VocabularyLookup of(VocabularyDeclaration declaration, Path snapshotLocation) {
        if (declaration == null) {
            return none();
        }
        Path file = declaration.fileFor(snapshotLocation);
        if (file == null) {
            return new VocabularyLookup(declaration, Optional.empty(),
                    Optional.of("expected a vocabulary file " + declaration.inSnapshot() + " in " + snapshotLocation
                            + " but found none"));
        }
        try {
            return new VocabularyLookup(declaration, Optional.of(new TagVocabularyReader().read(file)), Optional.empty());
        } catch (VocabularyException e) {
            return new VocabularyLookup(declaration, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    public boolean declared() {
        return declaration != null;
    }
}
