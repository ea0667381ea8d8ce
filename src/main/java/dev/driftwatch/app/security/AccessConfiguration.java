package dev.driftwatch.app.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who may do what over HTTP ({@code driftwatch.security.*}). Blank values count as unset.
 *
 * @param token          the API token ({@code DRIFTWATCH_TOKEN}); its holder, {@value Caller#OPERATOR}, may start runs
 *                       and read everything. Unset: generated at first start into {@code tokenFile}
 * @param tokenFile      where a generated API token is kept ({@code DRIFTWATCH_TOKEN_FILE}); unset: beside the H2
 *                       database file, or {@code data/api-token} for another database
 * @param metricsToken   a token that may only scrape {@code /prometheus} ({@code DRIFTWATCH_METRICS_TOKEN}); once set,
 *                       {@code /prometheus} needs it (or the API token) even when reading is open
 * @param anonymousRead  {@code true} or {@code false} ({@code DRIFTWATCH_ANONYMOUS_READ}): whether the reading endpoints,
 *                       the web pages and (without a metrics token) {@code /prometheus} answer callers without a token;
 *                       unset: open when the service listens on a loopback address only, closed otherwise
 * @param tokens         more API tokens by caller name ({@code driftwatch.security.tokens.<name>}), each with the API
 *                       token's rights; a run records the name of the caller that started it
 * @param allowedOrigins origins ({@code https://host:port}) besides the service's own from which a browser may send
 *                       state-changing requests
 */
@ConfigurationProperties("driftwatch.security")
public record AccessConfiguration(@Nullable String token, @Nullable String tokenFile, @Nullable String metricsToken,
                                  @Nullable String anonymousRead, @Nullable Map<String, String> tokens,
                                  @Nullable List<String> allowedOrigins) {
    /** Shorter tokens are too easy to guess; a generated one has 43 characters. */
    static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern CALLER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public AccessConfiguration {
        token = checked(blankToNull(token), "driftwatch.security.token (DRIFTWATCH_TOKEN)");
        tokenFile = blankToNull(tokenFile);
        metricsToken = checked(blankToNull(metricsToken), "driftwatch.security.metrics-token (DRIFTWATCH_METRICS_TOKEN)");
        anonymousRead = blankToNull(anonymousRead);
        if (anonymousRead != null && !anonymousRead.equalsIgnoreCase("true") && !anonymousRead.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("expected driftwatch.security.anonymous-read (DRIFTWATCH_ANONYMOUS_READ) "
                    + "to be true or false but found '" + anonymousRead + "'");
        }
        Map<String, String> named = new TreeMap<>();
        (tokens == null ? Map.<String, String>of() : tokens).forEach((name, value) -> {
            if (!CALLER_NAME.matcher(name).matches() || Caller.RESERVED.contains(name)) {
                throw new IllegalArgumentException("expected a caller name of lower-case letters, digits, '.', '_' or "
                        + "'-', other than " + Caller.RESERVED + ", at driftwatch.security.tokens but found '" + name + "'");
            }
            named.put(name, checked(blankToNull(value), "driftwatch.security.tokens." + name));
        });
        tokens = Map.copyOf(named);
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(AccessConfiguration::origin).toList();
    }

    /** The anonymous-read setting, when one is made. */
    Optional<Boolean> anonymousReadSetting() {
        return Optional.ofNullable(anonymousRead).map(value -> value.equalsIgnoreCase("true"));
    }

    private static String checked(String token, String key) {
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("expected " + key + " to have at least " + MIN_TOKEN_LENGTH
                    + " characters but found " + token.length());
        }
        return token;
    }

    private static String origin(String text) {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("expected an origin like https://host:port at "
                    + "driftwatch.security.allowed-origins but found '" + text + "'");
        }
        return uri.toString().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
