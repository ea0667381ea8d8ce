package dev.driftwatch.cli;

import dev.driftwatch.engine.dataset.SnapshotOrder;
import dev.driftwatch.engine.history.ProfileHistory;
import dev.driftwatch.engine.snapshot.SnapshotException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A history read from a folder of profiles saved by {@code check --save-profile}: every {@code <snapshot>.profile}
 * file in the folder (not its subfolders) is one earlier snapshot, named by the file's name without
 * {@code .profile} and timed by the file's modification time (which {@code --save-profile} sets to the snapshot's).
 */
final class ProfileFolderHistory {
    static final String SUFFIX = ".profile";

    private ProfileFolderHistory() {
    }

    /**
     * The profiles of the snapshots that come before the checked one, in {@code order}.
     *
     * @throws HistoryUnavailableException when the folder cannot be listed or a {@code .profile} file is not a profile
     */
    static ProfileHistory read(Path folder, SnapshotOrder order, EarlierSnapshots earlier) {
        if (!Files.isDirectory(folder)) {
            throw new HistoryUnavailableException("expected a folder of saved profiles at " + folder + " but found none");
        }
        List<ProfileHistory.Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f)).toList()) {
                String name = file.getFileName().toString();
                String snapshotId = name.substring(0, name.length() - SUFFIX.length());
                Instant time = Files.getLastModifiedTime(file).toInstant();
                if (!earlier.before(snapshotId, time)) {
                    continue;
                }
                if (!StoredProfile.isProfile(file)) {
                    throw new HistoryUnavailableException("expected a profile saved by --save-profile in " + file
                            + " but it does not start like one");
                }
                entries.add(new ProfileHistory.Entry(snapshotId, time, StoredProfile.read(file)));
            }
        } catch (IOException e) {
            throw new HistoryUnavailableException("could not read the saved profiles in " + folder + ": " + e, e);
        } catch (SnapshotException e) {
            throw new HistoryUnavailableException(e.getMessage(), e);
        }
        entries.sort(order.comparator(ProfileHistory.Entry::snapshotId, ProfileHistory.Entry::time));
        return new ProfileHistory(entries);
    }
}
