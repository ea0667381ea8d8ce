package dev.driftwatch.cli;

import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.run.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * A profile stored in a file with the engine's {@link ProfileCodec}, to be reused as a reference ({@code check} and
 * {@code spark-check}, {@code --save-profile} and {@code --reference}).
 */
public final class StoredProfile {
    private StoredProfile() {
    }

    /** True when the path is a regular file that starts like a stored profile. */
    public static boolean isProfile(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return ProfileCodec.startsAProfile(in);
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws SnapshotException when the file cannot be read or is not a complete profile */
    public static SnapshotProfile read(Path path) {
        try {
            return ProfileCodec.fromBytes(Files.readAllBytes(path));
        } catch (IOException | IllegalArgumentException e) {
            throw new SnapshotException("expected a stored profile in " + path + " but found: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the run's profile in {@code target}, or in {@code <target>/<snapshot>.profile} when {@code target} is
     * a folder, and gives the file the snapshot's modification time (the order of {@code check --history}).
     *
     * @return the file written
     */
    public static Path save(Path target, RunReport run) throws IOException {
        Path file = Files.isDirectory(target)
                ? target.resolve(run.snapshot().id() + ProfileFolderHistory.SUFFIX) : target;
        write(file, run.profile());
        Instant modified = run.snapshot().provenance().modifiedAt();
        if (modified != null) {
            Files.setLastModifiedTime(file, FileTime.from(modified));
        }
        return file;
    }

    static void write(Path path, SnapshotProfile profile) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(path, ProfileCodec.toBytes(profile));
    }
}
