package dev.driftwatch.app.storage;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Stored runs. Dialect-neutral. */
public interface RunRepository extends CrudRepository<RunRow, Long> {
    /** The latest run of a dataset that has ended (succeeded or failed). */
    Optional<RunRow> findFirstByDatasetIdAndFinishedAtIsNotNullOrderByIdDesc(Long datasetId);

    /** The latest run of a snapshot with a given status, e.g. its latest successful one. */
    Optional<RunRow> findFirstBySnapshotIdAndStatusOrderByIdDesc(Long snapshotId, String status);

    List<RunRow> findBySnapshotIdOrderByIdAsc(Long snapshotId);

    List<RunRow> findByDatasetIdAndStatusOrderByIdAsc(Long datasetId, String status);

    long countByDatasetId(Long datasetId);

    long countByDatasetIdAndStatus(Long datasetId, String status);

    /** One page of a dataset's runs, in the page's order, with the count of all of them. */
    Page<RunRow> findByDatasetId(Long datasetId, Pageable pageable);
}
