package dev.driftwatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's collection of real datasets, {@code ../shared/datasets} beside the repository (each
 * folder has a PROVENANCE.md). A test that needs it fails, naming the folder, when it is not there.
 */
public final class SharedDatasets {
    private static final Path ROOT = Path.of("..", "shared", "datasets").toAbsolutePath().normalize();

    private SharedDatasets() {
    }

    public static Path resolve(String relative) {
        if (!Files.isDirectory(ROOT)) {
            throw new IllegalStateException("expected the shared datasets at " + ROOT + " but found none");
        }
        Path resolved = ROOT.resolve(relative);
        if (!Files.exists(resolved)) {
            throw new IllegalStateException("expected " + resolved + " in the shared datasets but found none");
        }
        return resolved;
    }
}
