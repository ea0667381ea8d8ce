package dev.driftwatch.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a dataset's runs, newest first: {@code page} counts from 0, {@code size} is the most runs a page
 * holds, {@code total} the runs the dataset has in all (running ones too) and {@code pages} the pages they fill.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunPageView(String dataset, int page, int size, long total, int pages, List<RunSummaryView> runs) {
    public RunPageView {
        runs = List.copyOf(runs);
    }
}
