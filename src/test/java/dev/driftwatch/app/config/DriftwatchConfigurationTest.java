package dev.driftwatch.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import dev.driftwatch.spec.DurationText;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftwatchConfigurationTest {
    @Test
    void theDefaultsWatchTheRulesFolderEveryThirtySecondsOnTwoThreads() {
        try (var context = ApplicationContext.run(Map.of(), "test")) {
            var configuration = context.getBean(DriftwatchConfiguration.class);
            assertThat(configuration.rules()).isEqualTo(Path.of("rules"));
            assertThat(configuration.interval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(configuration.tick()).isEqualTo(Duration.ofSeconds(5));
            assertThat(configuration.threads()).isEqualTo(2);
        }
    }

    @Test
    void withoutDataRootsTheServiceReadsUnderItsWorkingDirectory() {
        // application.yml sets none (application-test.yml adds the temporary folder for the tests)
        assertThat(new DriftwatchConfiguration(Path.of("rules"), Duration.ofSeconds(30), Duration.ofSeconds(5), 2, null)
                .dataRoots()).containsExactly(Path.of("").toAbsolutePath());
    }

    @Test
    void theDataRootsOfTheReadmeExampleAreTwoFolders() {
        // README, "Service and REST API": DRIFTWATCH_DATA_ROOTS=/srv/driftwatch/data,/mnt/exports
        try (var context = ApplicationContext.run(Map.of("driftwatch.data-roots", "/srv/driftwatch/data,/mnt/exports"), "test")) {
            assertThat(context.getBean(DriftwatchConfiguration.class).dataRoots())
                    .containsExactly(Path.of("/srv/driftwatch/data"), Path.of("/mnt/exports"));
        }
    }

    @Test
    void propertiesOverrideTheDefaults() {
        try (var context = ApplicationContext.run(Map.of("driftwatch.interval", "10s", "driftwatch.threads", "4",
                "driftwatch.rules", "/etc/driftwatch/rules"), "test")) {
            var configuration = context.getBean(DriftwatchConfiguration.class);
            assertThat(configuration.interval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(configuration.threads()).isEqualTo(4);
            assertThat(configuration.rules()).isEqualTo(Path.of("/etc/driftwatch/rules"));
        }
    }

    @Test
    void aPoolWithoutThreadsIsRejected() {
        assertThatThrownBy(() -> new DriftwatchConfiguration(Path.of("rules"), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 0, null))
                .hasMessage("expected driftwatch.threads to be at least 1 but found 0");
    }

    @Test
    void durationsInTheConfigurationReadAsInRulesFiles() {
        for (String text : List.of("30s", "5m", "250ms", "2h", "PT30S")) {
            try (var context = ApplicationContext.run(Map.of("driftwatch.interval", text), "test")) {
                assertThat(context.getBean(DriftwatchConfiguration.class).interval()).as(text)
                        .isEqualTo(DurationText.parse(text));
            }
        }
    }

    @Test
    void aDurationThatIsNoneStopsTheStartNamingKeyAndValue() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("driftwatch.alerts.timeout", "soon"), "test").close())
                .hasStackTraceContaining("driftwatch.alerts.timeout: expected a duration such as 30s, 5m, 2h or PT30S"
                        + " but found 'soon'");
    }
}
