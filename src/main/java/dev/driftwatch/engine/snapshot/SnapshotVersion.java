package dev.driftwatch.engine.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The version key of a snapshot: a SHA-256 over its name and, for each file, its relative path, size and
 * modification time (nanoseconds where the file system keeps them). Reads no content, so finding the
 * snapshots of a folder costs one {@code stat} per file. A renamed snapshot, or a file rewritten even with
 * the same bytes, is a new version.
 */
public final class SnapshotVersion {
    private SnapshotVersion() {
    }

    /** A file the version depends on beyond the data files, such as a vocabulary shipped in the snapshot. */
    public record Stamp(String name, long bytes, Instant modifiedAt) {
    }

    public static String of(String id, List<SnapshotFile> files, List<Stamp> others) {
        MessageDigest digest = ContentFingerprint.sha256();
        line(digest, "snapshot", id, -1, null);
        for (SnapshotFile file : files) {
            line(digest, "file", file.relativePath(), file.bytes(), file.modifiedAt());
        }
        for (Stamp other : others) {
            line(digest, "other", other.name(), other.bytes(), other.modifiedAt());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void line(MessageDigest digest, String kind, String name, long bytes, Instant modified) {
        String text = kind + '\0' + name + '\0' + bytes + '\0' + (modified == null ? "-" : modified.toString()) + '\n';
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }
}
