package dev.driftwatch.app.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access settings in force: whether anonymous callers may read (by default only when the service listens on a
 * loopback address: then only this machine's users reach it), whether {@code /prometheus} needs its own token, and
 * which other origins may send state-changing requests. Logged once at start. Immutable; thread-safe.
 */
@Context
final class AccessPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AccessPolicy.class);

    private final boolean anonymousRead;
    private final boolean metricsTokenSet;
    private final List<String> allowedOrigins;

    AccessPolicy(AccessConfiguration configuration, CallerTokens tokens, @Value("${micronaut.server.host:}") String host) {
        boolean loopback = loopback(host);
        this.anonymousRead = configuration.anonymousReadSetting().orElse(loopback);
        this.metricsTokenSet = tokens.metricsTokenSet();
        this.allowedOrigins = configuration.allowedOrigins();
        LOG.info("listening on {}: reading endpoints and pages are {} to callers without a token ({}); "
                        + "/prometheus {}; POST and other changes need the API token",
                host.isBlank() ? "every interface" : host, anonymousRead ? "open" : "closed",
                configuration.anonymousReadSetting().isPresent() ? "driftwatch.security.anonymous-read"
                        : loopback ? "loopback address" : "not a loopback address",
                metricsTokenSet ? "needs the metrics token or the API token" : anonymousRead ? "is open" : "needs the API token");
    }

    boolean anonymousRead() {
        return anonymousRead;
    }

    boolean metricsTokenSet() {
        return metricsTokenSet;
    }

    List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Blank (every interface) or a name that does not resolve to a loopback address counts as reachable from outside. */
    static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.trim())) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
