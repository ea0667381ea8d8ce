package dev.driftwatch.app.api;

import dev.driftwatch.app.catalog.CatalogEntry;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.schedule.DatasetBusyException;
import dev.driftwatch.app.schedule.DatasetWatch;
import dev.driftwatch.app.storage.RunRow;
import dev.driftwatch.app.storage.RunTrigger;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.report.RunJsonException;
import dev.driftwatch.report.RunJsonReader;
import dev.driftwatch.spec.RulesFile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /api/datasets/{name}/reports?from=spark|cli}: a run evaluated elsewhere (the Spark runner,
 * {@code driftwatch check}), its report as {@code --json} writes it, stored as the service's own runs are, so that its
 * history, metrics, alerts and pages include it. Only callers with the API token get here (see app.security).
 */
@Controller("/api/datasets")
@ProblemResponses.Always
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportController {
    private final DatasetCatalog catalog;
    private final DatasetWatch watch;
    private final ApiViews views;

    ReportController(DatasetCatalog catalog, DatasetWatch watch, ApiViews views) {
        this.catalog = catalog;
        this.watch = watch;
        this.views = views;
    }

    /**
     * The report must be of this dataset, with its snapshot's id, version and provenance (the SHA-256 of the content
     * read) and the profile's state, and its results of rules the service's rules file declares.
     */
    @Post("/{name}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "201", description = "the stored run, with its results")
    @ProblemResponses.NotFound
    @ProblemResponses.SentReport
    @ProblemResponses.Conflict
    @RequestBody(description = "the run as driftwatch check --json and the Spark runner's --json write it: dataset,"
            + " snapshot (id, version, files, provenance with sha256), reference, startedAt, finishedAt, results, timings,"
            + " profile and profileState", required = true)
    HttpResponse<RunView> storeReport(String name,
                                      @Parameter(description = "where the run was evaluated: spark or cli") @QueryValue String from,
                                      @Nullable @Body String report, Authentication caller) {
        CatalogEntry entry = catalog.entry(name).orElseThrow(() -> ApiException.unknownDataset(name));
        RulesFile rules = entry.loaded().orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "dataset '" + name + "' cannot take runs until its rules file is fixed: " + entry.error()));
        RunTrigger trigger = trigger(caller.getName(), from);
        RunReport run = declared(rules, read(report));
        RunRow stored;
        try {
            stored = watch.record(rules, run, trigger);
        } catch (DatasetBusyException e) {
            throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
        }
        return HttpResponse.created(views.run(stored.id()).orElseThrow());
    }

    private static RunTrigger trigger(String caller, String from) {
        try {
            return RunTrigger.submitted(caller, RunTrigger.Kind.of(from));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "expected from=spark or from=cli but found from=" + from);
        }
    }

    private static RunReport read(String report) {
        if (report == null || report.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "expected a run as check --json writes it in the body but "
                    + "found none");
        }
        try {
            return new RunJsonReader().read(report);
        } catch (RunJsonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** The report, when it is of this dataset and every result is of a rule its rules file declares. */
    private static RunReport declared(RulesFile rules, RunReport run) {
        String name = rules.dataset().name();
        if (!run.dataset().equals(name) || !run.snapshot().dataset().equals(name)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "expected a report of dataset '" + name
                    + "' but found one of '" + run.dataset() + "'");
        }
        Set<String> declared = rules.rules().stream().map(Rule::name).collect(Collectors.toSet());
        for (RuleResult result : run.results()) {
            if (!declared.contains(result.rule())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "expected results of the rules " + rules.file()
                        + " declares but found rule '" + result.rule() + "'");
            }
        }
        return run;
    }
}
