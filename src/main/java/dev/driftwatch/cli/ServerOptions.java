package dev.driftwatch.cli;

import dev.driftwatch.engine.history.MetricHistorySource;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.spec.RulesFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where a command that evaluates elsewhere (the Spark runner) sends its run, and reads the history its anomaly rules
 * judge against: {@code --server}, with the API token
 * from {@code --token-file}, else {@code --token}, else {@code DRIFTWATCH_TOKEN} (picocli mixin).
 */
public final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL", description = "After the run, send it to this Driftwatch service, which stores it as one of its runs (POST /api/datasets/{name}/reports), e.g. http://driftwatch:8080; anomaly rules judge against its history (GET /api/datasets/{name}/history). A run the service does not store exits 3.")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DRIFTWATCH_TOKEN}",
            description = "With --server: the service's API token, sent as 'Authorization: Bearer'; default: the environment variable DRIFTWATCH_TOKEN (prefer it or --token-file: a command line is visible to other users).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "With --server: read the API token from the first line of FILE (the service's data/api-token, or a copy); wins over --token.")
    Path tokenFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationOption.class,
            description = "With --server: how long to wait for the service's answer (default ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * The history that {@code anomaly} rules judge against: the service's, of the snapshots before {@code current};
     * none without {@code --server} or without an anomaly rule.
     *
     * @throws HistoryUnavailableException when the service cannot give it
     */
    public MetricHistorySource history(RulesFile file, Snapshot current) {
        if (server == null || file.rules().stream().noneMatch(rule -> rule.kind().equals("anomaly"))) {
            return MetricHistorySource.NONE;
        }
        return ServiceHistory.probed(server, token, tokenFile, timeout, file, current);
    }

    /**
     * The sender to the service, when {@code --server} is given.
     *
     * @throws RunNotSentException when the token file cannot be read
     */
    public Optional<RunSender> sender() {
        return server == null ? Optional.empty()
                : Optional.of(new RunSender(server, RunSender.token(token, tokenFile), timeout));
    }
}
