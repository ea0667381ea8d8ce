package dev.driftwatch.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's collection of real datasets, {@code shared/datasets} beside the repository (each folder
 * has a PROVENANCE.md): the nearest {@code shared/datasets} folder among the working directory's parents,
 * so a checkout at {@code /work/main} and a worktree at {@code /work/wt/<name>} both find
 * {@code /work/shared/datasets}. A test that needs it fails, naming the folder, when it is not there.
 */
public final class SharedDatasets {
    private static final Path START = Path.of("").toAbsolutePath().normalize();
    private static final Path ROOT = locate();

    private SharedDatasets() {
    }

    private static Path locate() {
        for (Path dir = START.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return START.resolveSibling("shared").resolve("datasets");
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
