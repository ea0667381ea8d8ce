package dev.driftwatch.cli;

import dev.driftwatch.spec.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads a duration option as rules files do ({@link DurationText}: {@code 30s}, {@code 5m}, {@code 250ms},
 * {@code PT30S}); a plain number counts as seconds, as {@code gate --timeout} always took it.
 */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        if (value.strip().matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        }
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
