package dev.driftwatch.app.config;

import dev.driftwatch.spec.DurationText;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;

/**
 * Reads every duration setting of the service as rules files read theirs ({@link DurationText}: {@code 30s},
 * {@code 5m}, {@code 250ms}, {@code PT30S}) when the service starts, and refuses to start on one that is none, naming
 * the key and the value. Micronaut alone would bind such a value silently as the default.
 */
@Context
final class DurationSettings {
    /** The settings read as durations; a new one belongs here. */
    static final List<String> KEYS = List.of("driftwatch.interval", "driftwatch.tick", "driftwatch.alerts.repeat-interval",
            "driftwatch.alerts.timeout", "driftwatch.retention.max-age", "driftwatch.retention.interval");

    DurationSettings(Environment environment) {
        for (String key : KEYS) {
            environment.getProperty(key, String.class).ifPresent(text -> {
                try {
                    DurationText.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(key + ": " + e.getMessage());
                }
            });
        }
    }
}
