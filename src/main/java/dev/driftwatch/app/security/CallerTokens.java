package dev.driftwatch.app.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens this service accepts and whose they are: the API token (configured, or read from or generated into
 * its {@link TokenFile} at start), the named tokens, and the metrics token. Created at start, so that a generated
 * token exists before the first request. Immutable; thread-safe.
 */
@Context
final class CallerTokens {
    private static final Logger LOG = LoggerFactory.getLogger(CallerTokens.class);

    private final List<Known> known;
    private final boolean metricsTokenSet;

    CallerTokens(AccessConfiguration configuration, @Value("${datasources.default.url:}") String datasourceUrl) {
        List<Known> list = new ArrayList<>();
        String apiToken = configuration.token();
        if (apiToken == null) {
            Path file = configuration.tokenFile() == null ? TokenFile.defaultLocation(datasourceUrl)
                    : Path.of(configuration.tokenFile()).toAbsolutePath();
            apiToken = TokenFile.readOrCreate(file);
        }
        add(list, apiToken, new Caller(Caller.OPERATOR, Role.OPERATOR));
        for (Map.Entry<String, String> named : configuration.tokens().entrySet()) {
            add(list, named.getValue(), new Caller(named.getKey(), Role.OPERATOR));
        }
        if (configuration.metricsToken() != null) {
            add(list, configuration.metricsToken(), new Caller(Caller.METRICS, Role.METRICS));
        }
        this.known = List.copyOf(list);
        this.metricsTokenSet = configuration.metricsToken() != null;
        LOG.info("API tokens accepted for: {}", known.stream().map(k -> k.caller().name()).toList());
    }

    /** The holder of {@code token}; every known token is compared in constant time, so timing tells nothing. */
    Optional<Caller> caller(String token) {
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        Caller found = null;
        for (Known k : known) {
            if (MessageDigest.isEqual(k.token(), presented)) {
                found = k.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    boolean metricsTokenSet() {
        return metricsTokenSet;
    }

    private static void add(List<Known> list, String token, Caller caller) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        for (Known k : list) {
            if (MessageDigest.isEqual(k.token(), bytes)) {
                throw new IllegalArgumentException("expected a token of its own for every caller but found the token of '"
                        + k.caller().name() + "' given to '" + caller.name() + "' too");
            }
        }
        list.add(new Known(bytes, caller));
    }

    private record Known(byte[] token, Caller caller) {
    }
}
