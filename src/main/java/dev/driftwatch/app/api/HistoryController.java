package dev.driftwatch.app.api;

import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.storage.DatasetRepository;
import dev.driftwatch.app.storage.StoredHistory;
import dev.driftwatch.engine.history.MetricKey;
import dev.driftwatch.engine.history.ProfileMetric;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** {@code GET /api/datasets/{name}/history?metric=&split=&column=&value=}: a figure's stored history; a read like the others. */
@Controller("/api/datasets")
@ProblemResponses.Always
@ExecuteOn(TaskExecutors.BLOCKING)
class HistoryController {
    private final DatasetCatalog catalog;
    private final DatasetRepository datasets;
    private final StoredHistory history;

    HistoryController(DatasetCatalog catalog, DatasetRepository datasets, StoredHistory history) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.history = history;
    }

    @Get("/{name}/history")
    @ProblemResponses.NotFound
    @ProblemResponses.BadRequest
    HistoryView history(String name, @QueryValue String metric, @Nullable @QueryValue String split,
                        @Nullable @QueryValue String column, @Nullable @QueryValue String value) {
        catalog.entry(name).orElseThrow(() -> ApiException.unknownDataset(name));
        MetricKey key;
        try {
            key = new MetricKey(ProfileMetric.of(metric), split, column, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        List<HistoryView.Point> points = datasets.findByName(name)
                .map(dataset -> history.of(dataset, catalog.orderOf(name)).history(key).points().stream()
                        .map(p -> new HistoryView.Point(p.snapshotId(), p.time().toString(), p.value())).toList())
                .orElse(List.of());
        return new HistoryView(name, metric, split, column, value, points);
    }
}
