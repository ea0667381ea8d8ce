package dev.driftwatch.app.schedule;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** {@link StoredHistoryContract} on H2, in a file of the test's own folder. */
@MicronautTest
class StoredHistoryTest extends StoredHistoryContract {
    @Override
    Map<String, String> database() {
        return Map.of("datasources.default.url", "jdbc:h2:file:" + root.resolve("db/driftwatch"));
    }
}
