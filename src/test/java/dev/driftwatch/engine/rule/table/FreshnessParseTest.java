package dev.driftwatch.engine.rule.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The formatter-free reading of {@code yyyy-MM-ddTHH:mm:ssZ} gives what Java's ISO formatter gives
 * ({@link OffsetDateTime#parse}), valid dates or not: months 0-19, days 0-39, hours 0-29, leap years.
 */
class FreshnessParseTest {
    @Test
    void plainUtcTimesAsTheIsoFormatterReadsThem() {
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            String text = String.format("%04d-%02d-%02d%s%02d:%02d:%02dZ", 1896 + random.nextInt(210), random.nextInt(20),
                    random.nextInt(40), random.nextBoolean() ? "T" : " ", random.nextInt(30), random.nextInt(62),
                    random.nextInt(62));
            assertThat(FreshnessRule.parse(text)).as(text).isEqualTo(byFormatter(text.replace(' ', 'T')));
        }
        assertThat(FreshnessRule.parse("2024-02-29T23:59:59Z")).isEqualTo(byFormatter("2024-02-29T23:59:59Z")).isPresent();
        assertThat(FreshnessRule.parse("2023-02-29T00:00:00Z")).isEmpty();
    }

    private static Optional<java.time.Instant> byFormatter(String iso) {
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
