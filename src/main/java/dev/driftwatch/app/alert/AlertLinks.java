package dev.driftwatch.app.alert;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The links an alert carries: the run that showed it ({@code <public-url>/api/runs/<id>}), its runbook
 * ({@code <public-url>/docs/alerts#<alert name in lower case>}, a page the service serves) and, when Grafana's address
 * is known, the dataset's dashboard ({@code <grafana-url>/d/driftwatch-dataset?var-dataset=<dataset>}).
 *
 * @param publicUrl  how people reach this service
 * @param grafanaUrl how people reach Grafana, or null
 */
public record AlertLinks(URI publicUrl, @Nullable URI grafanaUrl) {
    public AlertLinks {
        Objects.requireNonNull(publicUrl, "publicUrl");
    }

    public String run(long runId) {
        return base(publicUrl) + "/api/runs/" + runId;
    }

    public String runbook(String alertName) {
        return base(publicUrl) + "/docs/alerts#" + alertName.toLowerCase(Locale.ROOT);
    }

    /** The dataset's dashboard, or null when Grafana's address is not configured. */
    public @Nullable String dashboard(String dataset) {
        return grafanaUrl == null ? null
                : base(grafanaUrl) + "/d/driftwatch-dataset?var-dataset=" + URLEncoder.encode(dataset, StandardCharsets.UTF_8);
    }

    private static String base(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
