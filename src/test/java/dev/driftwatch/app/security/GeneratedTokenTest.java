package dev.driftwatch.app.security;

import static dev.driftwatch.app.security.RawHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Without {@code DRIFTWATCH_TOKEN} the service makes its own API token at first start, beside the H2 database, and
 * keeps it across restarts. Permissions are read with {@code stat}, not with Java.
 */
class GeneratedTokenTest {
    @Test
    void theFirstStartGeneratesAnOwnerOnlyTokenFileBesideTheDatabaseAndLogsWhereNotWhat() throws Exception {
        Path root = TemporaryFolders.create("driftwatch-token");
        var data = new TestDatasets(root);
        data.declare("glucose");
        data.snapshot("glucose", "s1.csv", TestDatasets.HEALTHY);
        Path file = root.resolve("db/api-token");
        ListAppender<ILoggingEvent> log = logOf("dev.driftwatch.app.security");
        try {
            String token;
            try (var server = start(root, data)) {
                assertThat(file).exists();
                assertThat(stat(file)).isEqualTo("-rw-------");
                token = Files.readString(file, StandardCharsets.UTF_8).trim();
                // 32 random bytes in unpadded base64url: ceil(32 * 8 / 6) = 43 characters
                assertThat(token).matches("[A-Za-z0-9_-]{43}");
                assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                        .anySatisfy(m -> assertThat(m).contains("generated into " + file))
                        .allSatisfy(m -> assertThat(m).doesNotContain(token));
                assertThat(post(server, token)).isEqualTo(201);
                assertThat(post(server, "test-token-0123456789abcdef")).as("the test-wide token is switched off").isEqualTo(401);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            log.list.clear();
            try (var server = start(root, data)) {
                assertThat(Files.readString(file, StandardCharsets.UTF_8).trim()).as("kept across restarts").isEqualTo(token);
                assertThat(stat(file)).as("made owner-only again").isEqualTo("-rw-------");
                assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                        .containsExactly("the API token file " + file + " was rw-r--r--; expected rw------- and set it so");
                assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                        .contains("API token read from " + file + " (DRIFTWATCH_TOKEN is not set)");
                assertThat(post(server, token)).isEqualTo(201);
            }
        } finally {
            ((Logger) LoggerFactory.getLogger("dev.driftwatch.app.security")).detachAppender(log);
        }
    }

    @Test
    void theTokenFileCanBePlacedAndOtherDatabasesKeepItInTheDataFolder() throws IOException {
        Path custom = TemporaryFolders.create("driftwatch-token-file").resolve("secrets/driftwatch-token");
        var configuration = new AccessConfiguration(null, custom.toString(), null, null, null, null);
        new CallerTokens(configuration, "jdbc:postgresql://127.0.0.1:5432/driftwatch");
        assertThat(stat(custom)).isEqualTo("-rw-------");

        Path here = Path.of("").toAbsolutePath();
        assertThat(TokenFile.defaultLocation("jdbc:h2:file:./data/driftwatch")).isEqualTo(here.resolve("data/api-token"));
        assertThat(TokenFile.defaultLocation("jdbc:h2:/srv/dw/db;MODE=PostgreSQL")).isEqualTo(Path.of("/srv/dw/api-token"));
        assertThat(TokenFile.defaultLocation("jdbc:h2:~/dw/driftwatch"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "dw/api-token"));
        assertThat(TokenFile.defaultLocation("jdbc:h2:mem:x")).isEqualTo(here.resolve("data/api-token"));
        assertThat(TokenFile.defaultLocation("jdbc:postgresql://h/db")).isEqualTo(here.resolve("data/api-token"));
    }

    @Test
    void badSettingsAreRefusedWithTheKeyAndWhatWasFound() {
        assertThatThrownBy(() -> new AccessConfiguration("short", null, null, null, null, null))
                .hasMessage("expected driftwatch.security.token (DRIFTWATCH_TOKEN) to have at least 16 characters but found 5");
        assertThatThrownBy(() -> new AccessConfiguration(null, null, null, "yes", null, null))
                .hasMessage("expected driftwatch.security.anonymous-read (DRIFTWATCH_ANONYMOUS_READ) to be true or false but found 'yes'");
        assertThatThrownBy(() -> new AccessConfiguration(null, null, null, null, Map.of("metrics", "x".repeat(20)), null))
                .hasMessage("expected a caller name of lower-case letters, digits, '.', '_' or '-', other than "
                        + Caller.RESERVED + ", at driftwatch.security.tokens but found 'metrics'");
        assertThatThrownBy(() -> new AccessConfiguration(null, null, null, null, null, java.util.List.of("https://a.example/x")))
                .hasMessage("expected an origin like https://host:port at driftwatch.security.allowed-origins but found 'https://a.example/x'");
        var same = new AccessConfiguration("t".repeat(20), null, "t".repeat(20), null, null, null);
        assertThatThrownBy(() -> new CallerTokens(same, ""))
                .hasMessage("expected a token of its own for every caller but found the token of 'operator' given to 'metrics' too");
    }

    private static EmbeddedServer start(Path root, TestDatasets data) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", data.rules().toString(), "driftwatch.security.token", "",
                "datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch")), "test");
    }

    private static int post(EmbeddedServer server, String token) {
        return new RawHttp("http://127.0.0.1:" + server.getPort()).send("POST", "/api/datasets/glucose/runs",
                bearer(token)).statusCode();
    }

    /** The permissions as {@code stat -c %A} shows them, e.g. {@code -rw-------}. */
    private static String stat(Path file) throws IOException {
        Process stat = new ProcessBuilder("stat", "-c", "%A", file.toString()).redirectErrorStream(true).start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            assertThat(stat.waitFor()).as(out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static ListAppender<ILoggingEvent> logOf(String name) {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(name)).addAppender(appender);
        return appender;
    }
}
