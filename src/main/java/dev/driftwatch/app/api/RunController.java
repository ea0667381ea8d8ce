package dev.driftwatch.app.api;

import dev.driftwatch.app.storage.ProfileRepository;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /api/runs}: a run with its results, and the profile of its snapshot. */
@Controller("/api/runs")
@ProblemResponses.Always
@ExecuteOn(TaskExecutors.BLOCKING)
class RunController {
    private final ApiViews views;
    private final ProfileRepository profiles;

    RunController(ApiViews views, ProfileRepository profiles) {
        this.views = views;
        this.profiles = profiles;
    }

    @Get("/{id}")
    @ProblemResponses.NotFound
    RunView show(long id) {
        return views.run(id).orElseThrow(() -> unknownRun(id));
    }

    /**
     * The profile summary as JSON ({@link dev.driftwatch.engine.profile.ProfileJson}): rows, rowsPerSplit,
     * duplicates, reads, splits.
     */
    @Get("/{id}/profile")
    @ProblemResponses.NotFound
    HttpResponse<String> profile(long id) {
        RunView run = show(id);
        return profiles.findById(id)
                .map(p -> HttpResponse.ok(p.summary()).contentType(MediaType.APPLICATION_JSON_TYPE))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "expected a profile of run " + id
                        + " but it has none (status " + run.status() + (run.error() == null ? "" : ": " + run.error())
                        + ")"));
    }

    private static ApiException unknownRun(long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "expected a run with id " + id + " but found none");
    }
}
