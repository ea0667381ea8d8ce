package dev.driftwatch.app.storage;

import java.util.Map;
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
    String[] emptyDatabase() {
        return new String[] {"jdbc:h2:mem:migration-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", null};
    }
}
