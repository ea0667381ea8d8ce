package dev.driftwatch.app.api;

import java.util.Map;

/** Sent reports on H2 (the test profile's in-memory database). */
class H2SentReportsTest extends SentReportsContract {
    @Override
    Map<String, Object> database() {
        return Map.of();
    }
}
