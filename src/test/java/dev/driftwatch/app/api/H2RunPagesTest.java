package dev.driftwatch.app.api;

import java.util.Map;

/** Run pages on H2 (the test profile's in-memory database). */
class H2RunPagesTest extends RunPagesContract {
    @Override
    Map<String, Object> database() {
        return Map.of();
    }
}
