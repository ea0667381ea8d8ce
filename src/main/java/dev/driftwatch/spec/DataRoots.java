package dev.driftwatch.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders a rules file may read data from, as the service configures them ({@code driftwatch.data-roots}):
 * a path counts as inside when its real path (symbolic links resolved) is under a root's real path. The command
 * line reads wherever the user points it ({@link #anywhere()}). Immutable.
 */
public final class DataRoots {
    private static final DataRoots ANYWHERE = new DataRoots(List.of());
    private final List<Path> roots;

    private DataRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    public static DataRoots anywhere() {
        return ANYWHERE;
    }

    /** @param roots at least one folder; relative ones resolve against the working directory */
    public static DataRoots of(List<Path> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("expected at least one data root but found none");
        }
        return new DataRoots(roots.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    /**
     * @param what what the path is, for the message ("a folder", "a file")
     * @throws IllegalArgumentException when the path is outside every root
     */
    void requireInside(Path path, String what) {
        if (roots.isEmpty()) {
            return;
        }
        Path real = real(path);
        List<Path> realRoots = roots.stream().map(DataRoots::real).toList();
        if (realRoots.stream().noneMatch(real::startsWith)) {
            throw new IllegalArgumentException("expected " + what + " under the data roots " + realRoots
                    + " (driftwatch.data-roots) but found " + real);
        }
    }

    /** The real path of the deepest part that exists, followed by the rest: a path that does not exist yet has one too. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }

    @Override
    public String toString() {
        return roots.isEmpty() ? "anywhere" : roots.toString();
    }
}
