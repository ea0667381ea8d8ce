package dev.driftwatch.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The service's settings, under {@code driftwatch.*} (environment variables {@code DRIFTWATCH_RULES},
 * {@code DRIFTWATCH_INTERVAL}, ...).
 *
 * @param rules    the folder of rules files ({@code <dataset>.yaml}), relative to the working directory
 * @param interval how often a dataset is looked at when its rules file sets no {@code schedule.interval}
 * @param tick     how often the scheduler wakes up to see which datasets are due; at most the shortest interval
 * @param threads  how many datasets may be evaluated at the same time (a bounded pool; at least 1)
 * @param dataRoots the folders rules files may read data from ({@code source:}, {@code vocabulary.file}); by
 *                 default the working directory
 */
@ConfigurationProperties("driftwatch")
public record DriftwatchConfiguration(
        @Bindable(defaultValue = "rules") Path rules,
        @Bindable(defaultValue = "30s") Duration interval,
        @Bindable(defaultValue = "5s") Duration tick,
        @Bindable(defaultValue = "2") int threads,
        @Nullable List<Path> dataRoots) {

    public DriftwatchConfiguration {
        Objects.requireNonNull(rules, "rules");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("expected driftwatch.interval to be positive but found " + interval);
        }
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("expected driftwatch.tick to be positive but found " + tick);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("expected driftwatch.threads to be at least 1 but found " + threads);
        }
        dataRoots = dataRoots == null || dataRoots.isEmpty() ? List.of(Path.of("").toAbsolutePath()) : List.copyOf(dataRoots);
    }
}
