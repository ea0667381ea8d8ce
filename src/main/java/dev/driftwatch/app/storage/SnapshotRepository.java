package dev.driftwatch.app.storage;

import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Stored snapshots; a snapshot version is identified by dataset and version key. Dialect-neutral. */
public interface SnapshotRepository extends CrudRepository<SnapshotRow, Long> {
    Optional<SnapshotRow> findByDatasetIdAndVersionKey(Long datasetId, String versionKey);

    /** Rows stored before version keys, by name: candidates for adoption. */
    List<SnapshotRow> findByDatasetIdAndNameAndVersionKeyIsNull(Long datasetId, String name);

    List<SnapshotRow> findByDatasetIdOrderByName(Long datasetId);
}
