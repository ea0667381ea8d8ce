package dev.driftwatch.app.security;

/** What the holder of a valid token may do, beyond what anonymous callers may. */
enum Role {
    /** Start runs and read everything: the API token and the named tokens. */
    OPERATOR,
    /** Scrape {@code /prometheus}, nothing else: the metrics token. */
    METRICS
}
