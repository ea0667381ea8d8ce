package dev.driftwatch.cli;

import dev.driftwatch.engine.history.MetricHistorySource;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.spec.RulesFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where {@code check} finds the earlier values that {@code anomaly} rules judge against: a folder or a service. */
final class HistoryOptions {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:DRIFTWATCH_TOKEN}",
            description = "With --server: the service's API token, sent as 'Authorization: Bearer'; default: the environment variable DRIFTWATCH_TOKEN.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "With --server: read the API token from the first line of FILE (the service's data/api-token, or a copy); wins over --token.")
    Path tokenFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationOption.class,
            description = "With --server: how long to wait for each answer (default ${DEFAULT-VALUE}).")
    Duration timeout;

    static final class Source {
        @Option(names = "--history", paramLabel = "DIR", description = "Anomaly rules judge against the profiles saved in DIR (files <snapshot>.profile written by --save-profile DIR), those before the checked snapshot in the dataset's order.")
        Path folder;

        @Option(names = "--server", paramLabel = "URL", description = "Anomaly rules judge against the history of a running service (GET /api/datasets/{name}/history), e.g. http://localhost:8080.")
        URI server;
    }

    /**
     * The history of the dataset's snapshots before {@code current}; none without {@code --history} or
     * {@code --server}.
     *
     * @throws HistoryUnavailableException when the folder or the service cannot give it
     */
    MetricHistorySource of(RulesFile file, Snapshot current) {
        if (source == null) {
            return MetricHistorySource.NONE;
        }
        if (source.folder != null) {
            return ProfileFolderHistory.read(source.folder, file.dataset().layout().order(),
                    EarlierSnapshots.before(file, current));
        }
        return ServiceHistory.probed(source.server, token, tokenFile, timeout, file, current);
    }

    boolean hasServer() {
        return source != null && source.server != null;
    }

    /**
     * The service runs are sent to ({@code --send}): the one {@code --server} names.
     *
     * @throws RunNotSentException when there is no {@code --server} or the token file cannot be read
     */
    RunSender sender() {
        if (source == null || source.server == null) {
            throw new RunNotSentException("expected --server URL with --send but found none");
        }
        return new RunSender(source.server, RunSender.token(token, tokenFile), timeout);
    }
}
