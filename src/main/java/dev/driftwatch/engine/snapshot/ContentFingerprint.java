package dev.driftwatch.engine.snapshot;

import dev.driftwatch.engine.dataset.SnapshotLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a snapshot's content, from the SHA-256 of each file as it was read. For a file per snapshot
 * it is the file's own SHA-256 (what {@code sha256sum FILE} prints); for a folder, the SHA-256 of the
 * {@code sha256sum} listing of its data files in relative-path order, one {@code <hex>  <path>} line each
 * ({@code cd FOLDER && sha256sum FILES... | sha256sum}).
 */
public final class ContentFingerprint {
    private ContentFingerprint() {
    }

    /** @param files the snapshot's files, each read ({@link SnapshotFile#sha256()} set), sorted by relative path */
    public static String of(SnapshotLayout.Kind kind, List<SnapshotFile> files) {
        if (kind == SnapshotLayout.Kind.FILE_PER_SNAPSHOT && files.size() == 1) {
            return files.get(0).sha256();
        }
        StringBuilder listing = new StringBuilder();
        for (SnapshotFile file : files) {
            listing.append(file.sha256()).append("  ").append(file.relativePath()).append('\n');
        }
        return HexFormat.of().formatHex(sha256().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
