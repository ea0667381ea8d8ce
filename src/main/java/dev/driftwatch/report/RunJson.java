package dev.driftwatch.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.ProfileJson;
import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RuleCost;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.RunTimings;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

/**
 * The full run as JSON: dataset, snapshot with provenance, reference, timings, verdict ({@code status},
 * {@code blocksGate}), every result with its evidence, and the profile summary of {@link ProfileJson} (the same as the service's {@code /api/runs/{id}/profile}). Times are ISO-8601 UTC
 * instants; statuses and severities are lower-case ids; the result fields are those of the service's
 * verdict ({@code rule, kind, severity, status, column, split, observed, threshold, message}), and for drift
 * results a {@code measure} ({@code method, statistic, pValue, adjustedPValue, distance, exact, error}; null for
 * other results), and {@code timings}: what the run cost ({@code wallSeconds, cpuSeconds}; the {@code phases}
 * {@code reference, snapshot, rules}; per rule in declaration order its total and the part its row check cost
 * ({@code rowsWallSeconds, rowsCpuSeconds}) and its {@code evaluate} ({@code evaluateWallSeconds, evaluateCpuSeconds});
 * null when not measured), for {@code anomaly} results the {@code expected} range ({@code lower, upper}; null for an
 * unbounded end; null for other results), and {@code profileState}: the profile with all its mergeable state
 * ({@link ProfileCodec}, Base64), so that {@link RunJsonReader} reads the whole run back, for a service to store it
 * as its own. Thread-safe.
 */
public final class RunJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("driftwatch-report")
                    .addSerializer(Instant.class, new AsText<>(Instant.class))
                    .addSerializer(Path.class, new AsText<>(Path.class)))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The run as a JSON document (indented, UTF-8 when written as bytes). */
    public String write(RunReport run) {
        try {
            return MAPPER.writeValueAsString(tree(run));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode tree(RunReport run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dataset", run.dataset());
        root.set("snapshot", snapshot(run.snapshot()));
        root.put("reference", run.reference());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt().toString());
        root.put("durationMillis", run.duration().toMillis());
        root.put("status", run.status().id());
        root.put("blocksGate", run.blocksGate());
        ArrayNode results = root.putArray("results");
        run.results().forEach(r -> results.add(result(r)));
        root.set("timings", timings(run.timings()));
        root.set("profile", MAPPER.valueToTree(ProfileJson.tree(run.profile())));
        root.put("profileState", Base64.getEncoder().encodeToString(ProfileCodec.toBytes(run.profile())));
        return root;
    }

    private static ObjectNode snapshot(Snapshot snapshot) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", snapshot.id());
        node.put("fingerprint", snapshot.fingerprint());
        node.put("version", snapshot.version());
        ArrayNode files = node.putArray("files");
        for (SnapshotFile file : snapshot.files()) {
            files.addObject().put("path", file.relativePath()).put("split", file.split())
                    .put("format", file.format().name().toLowerCase(java.util.Locale.ROOT)).put("bytes", file.bytes())
                    .put("modifiedAt", file.modifiedAt() == null ? null : file.modifiedAt().toString())
                    .put("sha256", file.sha256());
        }
        node.set("provenance", MAPPER.valueToTree(snapshot.provenance()));
        return node;
    }

    private static ObjectNode result(RuleResult r) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", r.rule()).put("kind", r.kind()).put("severity", r.severity().id()).put("status", r.status().id())
                .put("column", r.column()).put("split", r.split()).put("check", r.check()).put("observed", r.observed()).put("threshold", r.threshold())
                .put("message", r.message()).put("blocksGate", r.blocksGate());
        node.set("measure", measure(r.measure()));
        node.set("expected", r.expected() == null ? MAPPER.nullNode() : MAPPER.createObjectNode()
                .put("lower", finite(r.expected().lower())).put("upper", finite(r.expected().upper())));
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence e : r.evidence()) {
            ObjectNode row = evidence.addObject().put("source", e.source()).put("line", e.line()).put("id", e.id());
            ObjectNode values = row.putObject("values");
            e.values().forEach(values::put);
        }
        return node;
    }

    /** What the run and each rule cost, in seconds; null when not measured. */
    private static JsonNode timings(RunTimings timings) {
        if (timings == null) {
            return MAPPER.nullNode();
        }
        ObjectNode node = cost(MAPPER.createObjectNode(), timings.total());
        ArrayNode phases = node.putArray("phases");
        timings.phases().forEach((phase, cost) -> cost(phases.addObject().put("phase", phase.id()), cost));
        ArrayNode rules = node.putArray("rules");
        for (RuleCost rule : timings.rules()) {
            ObjectNode item = cost(rules.addObject().put("rule", rule.rule()).put("kind", rule.kind()), rule.total());
            item.put("rowsWallSeconds", rule.rows().wallSeconds()).put("rowsCpuSeconds", rule.rows().cpuSeconds())
                    .put("evaluateWallSeconds", rule.evaluation().wallSeconds())
                    .put("evaluateCpuSeconds", rule.evaluation().cpuSeconds());
        }
        return node;
    }

    private static ObjectNode cost(ObjectNode node, Cost cost) {
        return node.put("wallSeconds", cost.wallSeconds()).put("cpuSeconds", cost.cpuSeconds());
    }

    /** A drift result's named quantities (null for other results): statistic, p-values, distance, exactness. */
    private static JsonNode measure(DriftMeasure measure) {
        if (measure == null) {
            return MAPPER.nullNode();
        }
        return MAPPER.createObjectNode().put("method", measure.method()).put("statistic", finite(measure.statistic()))
                .put("pValue", measure.pValue()).put("adjustedPValue", measure.adjustedPValue())
                .put("distance", finite(measure.distance())).put("exact", measure.exact()).put("error", measure.error());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static final class AsText<T> extends StdSerializer<T> {
        AsText(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }
}
