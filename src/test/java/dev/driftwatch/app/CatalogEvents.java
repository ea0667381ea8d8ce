package dev.driftwatch.app;

import dev.driftwatch.app.events.DatasetCatalogChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the catalog events of a test context, in order. */
@Singleton
public class CatalogEvents {
    private final List<DatasetCatalogChanged> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(DatasetCatalogChanged event) {
        received.add(event);
    }

    public List<DatasetCatalogChanged> received() {
        return List.copyOf(received);
    }
}
