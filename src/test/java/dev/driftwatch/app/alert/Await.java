package dev.driftwatch.app.alert;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls until something is there, for at most a given time. */
public final class Await {
    private Await() {
    }

    /**
     * @param probe returns the awaited value when it is there; may throw while the other side starts
     * @throws AssertionError after {@code limit}, naming {@code what} and the last problem seen
     */
    public static <T> T until(Duration limit, String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        Object last = "nothing";
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + what + " within " + limit + " but found none (last problem: "
                        + last + ")");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
