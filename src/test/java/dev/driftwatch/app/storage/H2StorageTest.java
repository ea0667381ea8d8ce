package dev.driftwatch.app.storage;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2StorageTest extends StorageContract {
    H2StorageTest() {
        super(Map.of());
    }

    @Override
    String expectedBinding() {
        return "H2Repositories";
    }

    @Override
    MigrationDatabase emptyDatabase() {
        return new MigrationDatabase("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", null,
                Map.of("large_text", "CLOB", "large_bytes", "BLOB"));
    }
}
