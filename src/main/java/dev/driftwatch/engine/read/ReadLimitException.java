package dev.driftwatch.engine.read;

import java.io.IOException;

/** A read stopped by one of the {@link ReadLimits}: the file is not read further. */
public final class ReadLimitException extends IOException {
    private static final long serialVersionUID = 1L;

    public ReadLimitException(String message) {
        super(message);
    }
}
