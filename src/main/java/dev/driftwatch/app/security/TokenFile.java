package dev.driftwatch.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file that keeps the API token generated at first start, readable by its owner only ({@code rw-------}).
 * It lives beside the H2 database file, where a backup of the database folder finds it too.
 */
final class TokenFile {
    static final String NAME = "api-token";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private TokenFile() {
    }

    /**
     * Beside the database file of an embedded H2 URL ({@code jdbc:h2:file:./data/driftwatch} gives
     * {@code ./data/api-token}); {@code data/api-token} for any other database (PostgreSQL, H2 in memory or over TCP).
     */
    static Path defaultLocation(String datasourceUrl) {
        String prefix = "jdbc:h2:";
        if (datasourceUrl != null && datasourceUrl.startsWith(prefix)) {
            String database = datasourceUrl.substring(prefix.length()).split(";", 2)[0];
            boolean elsewhere = database.startsWith("mem:") || database.startsWith("tcp:") || database.startsWith("ssl:")
                    || database.startsWith("zip:");
            if (!elsewhere && !database.isEmpty()) {
                String path = database.startsWith("file:") ? database.substring("file:".length()) : database;
                if (path.startsWith("~")) {
                    path = System.getProperty("user.home") + path.substring(1);
                }
                return Path.of(path).toAbsolutePath().normalize().resolveSibling(NAME);
            }
        }
        return Path.of("data", NAME).toAbsolutePath();
    }

    /** The token kept in {@code file}, generated and written there first if the file does not exist. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException raced) {
                    LOG.debug("{} appeared while it was being created; reading it", file);
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("expected a readable API token file at " + file + " but found: " + e, e);
        }
    }

    private static String create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            var plain = file.toFile();
            boolean restricted = plain.setReadable(false, false) & plain.setReadable(true, true)
                    & plain.setWritable(false, false) & plain.setWritable(true, true);
            if (!restricted) {
                LOG.warn("could not make {} readable by its owner only; restrict it by hand", file);
            }
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        LOG.info("no API token was configured (DRIFTWATCH_TOKEN), so one was generated into {} (readable by its owner "
                + "only); send it as 'Authorization: Bearer <token>' to start runs", file);
        return token;
    }

    private static String read(Path file) throws IOException {
        if (posix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                LOG.warn("the API token file {} was {}; expected rw------- and set it so", file,
                        PosixFilePermissions.toString(permissions));
            }
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (token.length() < AccessConfiguration.MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("expected an API token of at least " + AccessConfiguration.MIN_TOKEN_LENGTH
                    + " characters in " + file + " but found " + token.length());
        }
        LOG.info("API token read from {} (DRIFTWATCH_TOKEN is not set)", file);
        return token;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
