package dev.driftwatch.app.api;

import dev.driftwatch.app.catalog.CatalogEntry;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.schedule.DatasetBusyException;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.app.storage.DatasetRow;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunTrigger;
import dev.driftwatch.spec.RulesFile;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

/** {@code /api/datasets}: the declared datasets, their snapshots, their verdict, and runs on request. */
@Controller("/api/datasets")
@ProblemResponses.Always
@ExecuteOn(TaskExecutors.BLOCKING)
class DatasetController {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final DatasetCatalog catalog;
    private final DatasetWatch watch;
    private final ApiViews views;
    private final RunRequestRate rate;

    DatasetController(DatasetCatalog catalog, DatasetWatch watch, ApiViews views, RunRequestRate rate) {
        this.catalog = catalog;
        this.watch = watch;
        this.views = views;
        this.rate = rate;
    }

    @Get
    List<DatasetView> list() {
        return catalog.entries().values().stream().map(views::dataset).toList();
    }

    @Get("/{name}")
    @ProblemResponses.NotFound
    DatasetView show(String name) {
        return views.dataset(entry(name));
    }

    @Get("/{name}/snapshots")
    @ProblemResponses.NotFound
    List<SnapshotView> snapshots(String name) {
        entry(name);
        return views.storedDataset(name).map(dataset -> views.snapshots(dataset, catalog)).orElse(List.of());
    }

    /**
     * The dataset's runs, newest first, a page at a time: {@code page} from 0, {@code size} from 1 to
     * {@value #MAX_PAGE_SIZE} (default {@value #DEFAULT_PAGE_SIZE}).
     */
    @Get("/{name}/runs")
    @ProblemResponses.NotFound
    @ProblemResponses.BadRequest
    RunPageView runs(String name, @QueryValue(defaultValue = "0") int page,
                     @QueryValue(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        entry(name);
        if (page < 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "expected page 0 or more but found " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "expected size from 1 to " + MAX_PAGE_SIZE + " but found " + size);
        }
        return views.runs(name, page, size);
    }

    /**
     * Only callers with the API token get here (see app.security); the run records the caller's name. The run takes
     * a thread of the service's bounded pool, as scheduled runs do; beyond the dataset's rate the answer is 429.
     */
    @Post("/{name}/runs")
    @ApiResponse(responseCode = "201", description = "the run, ended, with its results")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    @ProblemResponses.RunRequest
    HttpResponse<RunView> run(String name, Authentication caller) {
        CatalogEntry entry = entry(name);
        RulesFile rules = entry.loaded().orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "dataset '" + name + "' cannot run until its rules file is fixed: " + entry.error()));
        rate.take(name).ifPresent(wait -> {
            throw new TooManyRunRequests(name, rate.perMinute(), wait);
        });
        RunRow run;
        try {
            run = watch.evaluateLatest(rules, RunTrigger.request(caller.getName())).orElseThrow(() -> new ApiException(
                    HttpStatus.CONFLICT, "expected a snapshot of dataset '" + name + "' in " + rules.dataset().source()
                            + " but found none"));
        } catch (DatasetBusyException e) {
            // a run that waits for an unreachable database keeps its dataset busy: that is a 503, not a 409
            views.storedDataset(name);
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
        return HttpResponse.created(views.run(run.id()).orElseThrow());
    }

    @Get("/{name}/verdict")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    VerdictView verdict(String name) {
        entry(name);
        RunRow run = views.storedDataset(name).flatMap(views::latestRun).orElseThrow(() -> new ApiException(
                HttpStatus.CONFLICT, "expected a finished run of dataset '" + name + "' but it has none yet"));
        return views.verdict(name, run);
    }

    private CatalogEntry entry(String name) {
        return catalog.entry(name).orElseThrow(() -> ApiException.unknownDataset(name));
    }
}
