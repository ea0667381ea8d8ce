package dev.driftwatch.app.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every PromQL expression of every panel of the dashboards under grafana/dashboards. */
public final class DashboardQueries {
    public static final Path DASHBOARDS = Path.of("grafana/dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardQueries() {
    }

    /** One panel target. */
    public record Query(String dashboard, String panel, String refId, String expr) {
        /**
         * The expression with Grafana's variables replaced as Grafana would for a query over the last hour, every
         * anomaly rule at once ({@code rule=~"$anomaly_rule"} as with "All").
         */
        public String substituted(String dataset) {
            return expr.replace("${dataset}", dataset).replace("$dataset", dataset).replace("$anomaly_rule", ".+")
                    .replace("$__rate_interval", "1m").replace("$__interval", "15s").replace("$__range", "1h");
        }

        @Override
        public String toString() {
            return dashboard + " / " + panel + " / " + refId + ": " + expr;
        }
    }

    public static List<Path> files() {
        try (Stream<Path> list = Files.list(DASHBOARDS)) {
            return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Query> all() {
        List<Query> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode dashboard = read(file);
            for (JsonNode panel : dashboard.get("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query(dashboard.get("title").asText(), panel.get("title").asText(),
                            target.get("refId").asText(), target.get("expr").asText()));
                }
            }
        }
        return queries;
    }
}
