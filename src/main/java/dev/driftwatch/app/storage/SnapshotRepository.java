package dev.driftwatch.app.storage;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Stored snapshots; a snapshot is identified by dataset and fingerprint. Dialect-neutral. */
public interface SnapshotRepository extends CrudRepository<SnapshotRow, Long> {
    Optional<SnapshotRow> findByDatasetIdAndFingerprint(Long datasetId, String fingerprint);

    List<SnapshotRow> findByDatasetIdOrderByName(Long datasetId);
}
