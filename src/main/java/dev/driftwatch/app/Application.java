package dev.driftwatch.app;

import io.micronaut.runtime.Micronaut;

/** Starts the Driftwatch service (in a child JVM when this one lacks {@link ForeignMemoryModule#MODULE}). */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (ForeignMemoryModule.missing()) {
            try {
                System.exit(ForeignMemoryModule.relaunch(Application.class, args));
            } catch (java.io.IOException | InterruptedException e) {
                System.err.println("driftwatch: could not start a JVM with " + ForeignMemoryModule.MODULE
                        + " (" + e + "); profiles will not be stored as references");
            }
        }
        Micronaut.run(Application.class, args);
    }
}
