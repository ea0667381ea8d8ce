package dev.driftwatch.app.security;

import static dev.driftwatch.app.security.RawHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.app.TestToken;
import dev.driftwatch.testing.TemporaryFolders;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading closed to anonymous callers: by the setting on a loopback bind (over HTTP), and by default on a bind
 * that is not loopback (the policy alone; the test binds no other address).
 */
class ClosedReadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void closedByTheSettingThePagesTheApiAndPrometheusNeedTheTokenAndHealthShowsOnlyItsStatus() throws IOException {
        var rules = TemporaryFolders.create("driftwatch-closed");
        try (var server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "driftwatch.rules", rules.toString(), "driftwatch.security.anonymous-read", "false"), "test")) {
            var http = new RawHttp("http://127.0.0.1:" + server.getPort());
            for (String path : new String[] {"/", "/api/datasets", "/api/runs/1", "/prometheus", "/datasets/x"}) {
                HttpResponse<String> anonymous = http.send("GET", path);
                assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
                assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).contains("Bearer realm=\"driftwatch\"");
                assertThat(http.send("GET", path, bearer(TestToken.VALUE)).statusCode()).as(path).isNotIn(401, 403);
            }
            assertThat(JSON.readTree(http.send("GET", "/api/datasets").body()).get("detail").asText())
                    .isEqualTo("expected 'Authorization: Bearer <token>' with the API token to GET /api/datasets but "
                            + "found no token");
            assertThat(http.send("GET", "/api/datasets", bearer(TestToken.VALUE)).body()).isEqualTo("[]");
            HttpResponse<String> health = http.send("GET", "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).fieldNames()).toIterable().containsExactly("status");
        }
    }

    @Test
    void onABindThatIsNotLoopbackReadingIsClosedUnlessOpenedAndOnLoopbackItIsOpenUnlessClosed() {
        assertThat(anonymousRead("0.0.0.0", null)).isFalse();
        assertThat(anonymousRead("", null)).as("every interface").isFalse();
        assertThat(anonymousRead("0.0.0.0", "true")).isTrue();
        assertThat(anonymousRead("127.0.0.1", null)).isTrue();
        assertThat(anonymousRead("localhost", null)).isTrue();
        assertThat(anonymousRead("::1", null)).isTrue();
        assertThat(anonymousRead("127.0.0.1", "false")).isFalse();
    }

    @Test
    void theServiceListensOnLoopbackByDefaultAndSoReadingIsOpen() {
        try (var context = ApplicationContext.run(Map.of(), "test")) {
            assertThat(context.getProperty("micronaut.server.host", String.class)).contains("127.0.0.1");
            assertThat(context.getBean(AccessPolicy.class).anonymousRead()).isTrue();
        }
    }

    private static boolean anonymousRead(String host, String setting) {
        var configuration = new AccessConfiguration(TestToken.VALUE, null, null, setting, null, null);
        return new AccessPolicy(configuration, new CallerTokens(configuration, "jdbc:h2:mem:x"), host).anonymousRead();
    }
}
