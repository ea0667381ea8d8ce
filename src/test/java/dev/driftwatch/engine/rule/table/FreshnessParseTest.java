package dev.driftwatch.engine.rule.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formatter-free reading of {@code yyyy-MM-ddTHH:mm:ssZ} gives what Java's ISO formatter gives
 * ({@link OffsetDateTime#parse}), valid dates or not: months 0-19, days 0-39, hours 0-29, leap years.
 */
class FreshnessParseTest {
    @TempDir
    Path dir;
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

    @Test
    void theNewestTimeOfAColumnIsTheNewestTheIsoFormatterReads() {
        // plain UTC times (some impossible), and times with a fraction of a second or an offset, in random order
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("id,t\n");
        Instant newest = null;
        for (int n = 0; n < 5_000; n++) {
            int second = random.nextInt(60);
            String text = switch (random.nextInt(4)) {
                case 0 -> String.format("2026-%02d-%02dT10:00:%02d.%03dZ", 1 + random.nextInt(11), 1 + random.nextInt(28),
                        second, random.nextInt(1000));
                case 1 -> String.format("2026-%02d-%02dT10:00:%02d+02:00", 1 + random.nextInt(11), 1 + random.nextInt(28), second);
                default -> String.format("2026-%02d-%02d%s%02d:00:%02dZ", 1 + random.nextInt(12), 1 + random.nextInt(31),
                        random.nextBoolean() ? "T" : " ", random.nextInt(25), second);
            };
            Optional<Instant> read = byFormatter(text.replace(' ', 'T'));
            if (read.isPresent() && (newest == null || read.get().isAfter(newest))) {
                newest = read.get();
            }
            csv.append(n).append(',').append(text).append('\n');
        }
        var fixture = RuleFixture.csv(dir, "columns: {id: id, timestamps: [t]}\nrules:\n"
                + "  - {name: fresh, kind: freshness, column: t, max_age: 400d}\n").snapshot("s1", Map.of("data.csv", csv.toString()));

        RuleResult result = RuleFixture.of(fixture.run("s1"), "fresh").get(0);

        assertThat(result.observed()).isEqualTo((double) Duration.between(newest, RuleFixture.NOW).toSeconds());
        assertThat(result.message()).contains("(" + newest + ")");
    }

    private static Optional<java.time.Instant> byFormatter(String iso) {
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
