package dev.driftwatch.app.limits;

import dev.driftwatch.app.events.RunFinished;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the thread each run of a test context ended on (runs publish RunFinished in their own thread). */
@Singleton
public class RunThreads {
    private final List<String> names = new CopyOnWriteArrayList<>();

    @EventListener
    void on(RunFinished event) {
        names.add(Thread.currentThread().getName());
    }

    public List<String> names() {
        return List.copyOf(names);
    }
}
