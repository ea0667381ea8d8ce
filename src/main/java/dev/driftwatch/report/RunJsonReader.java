package dev.driftwatch.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.rule.DriftMeasure;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.ExpectedRange;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RuleCost;
import dev.driftwatch.engine.run.RunPhase;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.run.RunTimings;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads back the run {@link RunJson} wrote: the same {@link RunReport}, its profile from {@code profileState}. Times
 * in seconds come back to the nanosecond they were rounded to; non-finite numbers written as null come back as NaN.
 * A data file's path is its relative path under the snapshot's provenance path (the path itself for a snapshot that
 * is one file). Stateless and thread-safe.
 */
public final class RunJsonReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @throws RunJsonException naming the first field that is missing or not what {@link RunJson} writes */
    public RunReport read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RunJsonException("expected a JSON document but found: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RunJsonException("expected a JSON object (a run written by check --json) but found "
                    + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        try {
            String dataset = text(root, "/dataset");
            Snapshot snapshot = snapshot(dataset, object(root, "/snapshot"));
            List<RuleResult> results = new ArrayList<>();
            for (JsonNode result : array(root, "/results")) {
                results.add(result(result, "/results/" + results.size()));
            }
            return new RunReport(dataset, snapshot, optionalText(root, "/reference"), instant(root, "/startedAt"),
                    instant(root, "/finishedAt"), profile(root), results, timings(root.path("timings")));
        } catch (IllegalArgumentException e) {
            throw new RunJsonException("expected a run as check --json writes it but found: " + e.getMessage(), e);
        }
    }

    private static Snapshot snapshot(String dataset, JsonNode node) {
        JsonNode p = object(node, "/snapshot/provenance");
        Map<String, String> producer = new LinkedHashMap<>();
        p.path("producer").fields().forEachRemaining(e -> producer.put(e.getKey(), e.getValue().asText()));
        String sha256 = text(p, "/snapshot/provenance/sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new RunJsonException("expected the SHA-256 of the content read (64 hex digits) at "
                    + "/snapshot/provenance/sha256 but found '" + sha256 + "'");
        }
        String path = text(p, "/snapshot/provenance/path");
        var provenance = new Provenance(path, number(p, "/snapshot/provenance/bytes").longValue(), sha256,
                optionalInstant(p, "/snapshot/provenance/modifiedAt"), optionalInstant(p, "/snapshot/provenance/discoveredAt"),
                producer);
        List<SnapshotFile> files = new ArrayList<>();
        for (JsonNode f : array(node, "/snapshot/files")) {
            String at = "/snapshot/files/" + files.size();
            String relative = text(f, at + "/path");
            Path location = Path.of(path);
            Path file = relative.equals(String.valueOf(location.getFileName())) ? location : location.resolve(relative);
            files.add(new SnapshotFile(file, relative, text(f, at + "/split"),
                    format(text(f, at + "/format"), at + "/format"), number(f, at + "/bytes").longValue(),
                    optionalInstant(f, at + "/modifiedAt"), optionalText(f, at + "/sha256")));
        }
        return new Snapshot(dataset, text(node, "/snapshot/id"),
                text(node, "/snapshot/version"), files, provenance);
    }

    private static RuleResult result(JsonNode r, String at) {
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode e : r.path("evidence")) {
            Map<String, String> values = new LinkedHashMap<>();
            e.path("values").fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().isNull() ? null
                    : v.getValue().asText()));
            evidence.add(new Evidence(e.path("source").isTextual() ? e.get("source").asText() : null,
                    e.path("line").asLong(), e.path("id").isTextual() ? e.get("id").asText() : null, values));
        }
        JsonNode m = r.path("measure");
        DriftMeasure measure = m.isObject() ? new DriftMeasure(text(m, at + "/measure/method"),
                orNaN(m.path("statistic")), optionalNumber(m.path("pValue")), optionalNumber(m.path("adjustedPValue")),
                orNaN(m.path("distance")), m.path("exact").asBoolean(), optionalNumber(m.path("error"))) : null;
        JsonNode x = r.path("expected");
        ExpectedRange expected = x.isObject() ? new ExpectedRange(bound(x.path("lower"), Double.NEGATIVE_INFINITY),
                bound(x.path("upper"), Double.POSITIVE_INFINITY)) : null;
        Severity severity;
        try {
            severity = Severity.of(text(r, at + "/severity"));
        } catch (IllegalArgumentException e) {
            throw new RunJsonException(e.getMessage() + " at " + at + "/severity", e);
        }
        return new RuleResult(text(r, at + "/rule"), text(r, at + "/kind"), severity,
                status(text(r, at + "/status"), at + "/status"), optionalText(r, at + "/column"),
                optionalText(r, at + "/split"), optionalNumber(r.path("observed")), optionalNumber(r.path("threshold")),
                text(r, at + "/message"), evidence, optionalText(r, at + "/check"), measure, expected);
    }

    private static RunTimings timings(JsonNode t) {
        if (!t.isObject()) {
            return null;
        }
        Map<RunPhase, Cost> phases = new EnumMap<>(RunPhase.class);
        for (JsonNode phase : t.path("phases")) {
            phases.put(RunPhase.valueOf(phase.path("phase").asText().toUpperCase(Locale.ROOT)), cost(phase, ""));
        }
        List<RuleCost> rules = new ArrayList<>();
        for (JsonNode rule : t.path("rules")) {
            rules.add(new RuleCost(rule.path("rule").asText(), rule.path("kind").asText(), cost(rule, "rows"),
                    cost(rule, "evaluate")));
        }
        return new RunTimings(cost(t, ""), phases, rules);
    }

    /** {@code wallSeconds, cpuSeconds}, or with a prefix {@code rowsWallSeconds, rowsCpuSeconds}. */
    private static Cost cost(JsonNode node, String prefix) {
        String wall = prefix.isEmpty() ? "wallSeconds" : prefix + "WallSeconds";
        String cpu = prefix.isEmpty() ? "cpuSeconds" : prefix + "CpuSeconds";
        return new Cost(Math.round(node.path(wall).asDouble() * 1e9), Math.round(node.path(cpu).asDouble() * 1e9));
    }

    private static SnapshotProfile profile(JsonNode root) {
        String state = text(root, "/profileState");
        try {
            return ProfileCodec.fromBytes(Base64.getDecoder().decode(state));
        } catch (IllegalArgumentException e) {
            throw new RunJsonException("expected the profile's state (Base64 of the engine's profile codec) at "
                    + "/profileState but found: " + e.getMessage(), e);
        }
    }

    private static Status status(String id, String at) {
        for (Status status : Status.values()) {
            if (status.id().equals(id)) {
                return status;
            }
        }
        throw new RunJsonException("expected one of pass, warn, fail, error, skipped at " + at + " but found '" + id + "'");
    }

    private static Format format(String id, String at) {
        for (Format format : Format.values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(id)) {
                return format;
            }
        }
        throw new RunJsonException("expected a data format (csv, tsv, json, jsonl, parquet) at " + at + " but found '"
                + id + "'");
    }

    private static JsonNode object(JsonNode node, String at) {
        JsonNode found = field(node, at);
        if (!found.isObject()) {
            throw new RunJsonException("expected an object at " + at + " but found " + describe(found));
        }
        return found;
    }

    private static JsonNode array(JsonNode node, String at) {
        JsonNode found = field(node, at);
        if (!found.isArray()) {
            throw new RunJsonException("expected an array at " + at + " but found " + describe(found));
        }
        return found;
    }

    private static String text(JsonNode node, String at) {
        JsonNode found = field(node, at);
        if (!found.isTextual() || found.asText().isBlank()) {
            throw new RunJsonException("expected text at " + at + " but found " + describe(found));
        }
        return found.asText();
    }

    private static String optionalText(JsonNode node, String at) {
        JsonNode found = field(node, at);
        return found.isTextual() ? found.asText() : null;
    }

    private static Number number(JsonNode node, String at) {
        JsonNode found = field(node, at);
        if (!found.isNumber()) {
            throw new RunJsonException("expected a number at " + at + " but found " + describe(found));
        }
        return found.numberValue();
    }

    private static Instant instant(JsonNode node, String at) {
        Instant found = optionalInstant(node, at);
        if (found == null) {
            throw new RunJsonException("expected an ISO-8601 instant at " + at + " but found "
                    + describe(field(node, at)));
        }
        return found;
    }

    private static Instant optionalInstant(JsonNode node, String at) {
        JsonNode found = field(node, at);
        if (!found.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(found.asText());
        } catch (DateTimeParseException e) {
            throw new RunJsonException("expected an ISO-8601 instant at " + at + " but found '" + found.asText() + "'", e);
        }
    }

    private static Double optionalNumber(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.isTextual() ? Double.valueOf(node.asText()) : null;
    }

    private static double orNaN(JsonNode node) {
        Double value = optionalNumber(node);
        return value == null ? Double.NaN : value;
    }

    private static double bound(JsonNode node, double unbounded) {
        Double value = optionalNumber(node);
        return value == null ? unbounded : value;
    }

    /** The field {@code at} names of its parent {@code node}: the last step of the path. */
    private static JsonNode field(JsonNode node, String at) {
        return node.path(at.substring(at.lastIndexOf('/') + 1));
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "none";
        }
        if (node.isNull()) {
            return "null";
        }
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
    }
}
