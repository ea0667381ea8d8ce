package dev.driftwatch.engine.snapshot;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where a snapshot came from.
 *
 * @param path         the snapshot folder or file
 * @param bytes        total size of its data files
 * @param sha256       hex SHA-256 of the bytes the evaluation read, computed in the same pass that parsed them
 *                     (see {@link ContentFingerprint}); null until the snapshot was read
 * @param modifiedAt   the newest modification time among its data files
 * @param discoveredAt when Driftwatch first saw it in this process
 * @param producer     free-form metadata from a {@code provenance.json} next to the data, or empty
 */
public record Provenance(String path, long bytes, String sha256, Instant modifiedAt, Instant discoveredAt,
                         Map<String, String> producer) {
    public Provenance {
        Objects.requireNonNull(path, "path");
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

    /** This provenance with the SHA-256 of what was read. */
    public Provenance read(String contentSha256) {
        return new Provenance(path, bytes, Objects.requireNonNull(contentSha256), modifiedAt, discoveredAt, producer);
    }
}
