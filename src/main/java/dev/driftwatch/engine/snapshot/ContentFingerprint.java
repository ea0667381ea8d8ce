package dev.driftwatch.engine.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of a snapshot's files. A file's own digest is cached by path, size and modification time,
 * so a scheduler that looks at the same unchanged files every tick reads them only once. Thread-safe.
 */
public final class ContentFingerprint {
    private record FileKey(Path path, long size, FileTime modified) {
    }

    private final Map<FileKey, byte[]> fileDigests = new ConcurrentHashMap<>();

    /** Fingerprint of files given as (relative path, path) pairs, in the given order. */
    public String of(List<Map.Entry<String, Path>> files) {
        MessageDigest digest = sha256();
        for (var file : files) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(digestOf(file.getValue()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private byte[] digestOf(Path path) {
        try {
            var key = new FileKey(path.toAbsolutePath(), Files.size(path), Files.getLastModifiedTime(path));
            return fileDigests.computeIfAbsent(key, k -> read(k.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
