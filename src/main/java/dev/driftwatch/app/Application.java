package dev.driftwatch.app;

import io.micronaut.runtime.Micronaut;

/** Starts the Driftwatch service. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
