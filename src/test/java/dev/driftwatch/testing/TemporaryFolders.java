package dev.driftwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary folders for tests that need one outside JUnit's {@code @TempDir} (in static property providers, or shared
 * by a whole application context): each is deleted with everything in it when the test JVM exits.
 */
public final class TemporaryFolders {
    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TemporaryFolders::deleteQuietly),
                "temporary-folders-cleanup"));
    }

    private TemporaryFolders() {
    }

    public static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            CREATED.add(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the JVM is exiting: a folder left behind in the system's temporary folder is harmless
        }
    }
}
