package dev.driftwatch.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A rules file as written (keys in snake_case); {@link RulesFileLoader} turns it into engine types. */
record DatasetDocument(
        String dataset,
        String source,
        String layout,
        String files,
        String settle,
        String readyMarker,
        String order,
        String format,
        JsonNode header,
        JsonNode trimValues,
        JsonNode delimiter,
        JsonNode quote,
        JsonNode listSeparator,
        JsonNode maxFieldLines,
        JsonNode maxFieldBytes,
        JsonNode maxLineBytes,
        JsonNode maxColumns,
        JsonNode maxDecompressedBytes,
        Splits splits,
        Columns columns,
        JsonNode reference,
        Schedule schedule,
        Double maxBadRowShare,
        JsonNode exactValuesLimit,
        JsonNode rowMemory,
        Vocabulary vocabulary,
        List<String> presets,
        List<RuleDocument> rules) {

    record Vocabulary(String file, String inSnapshot, List<String> exclude, Integer minFrequency) {
    }

    record Splits(String by, Map<String, String> files, String column, List<String> order) {
    }

    record Columns(String id, List<String> inputs, String label, String tags, List<String> numeric,
                   List<String> categorical, List<String> text, List<String> timestamps,
                   Map<String, List<String>> missingTokens) {
    }

    record Schedule(String interval, String maxSnapshotAge, String maxRunTime) {
    }
}
