package dev.driftwatch.engine.profile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the summary of a snapshot profile as JSON (for {@code GET /api/runs/{id}/profile}): rows per
 * split, duplicates, read problems, and per split its labels, tags and columns with their statistics.
 * Bounded output: top 20 values and words, 20 histogram buckets, 200 most frequent tags, top 20 tags
 * with 10 distinctive words each.
 *
 * <p>Figures that are always exact (rows, missing values, types, min, max, mean, ...) are plain numbers. Every
 * figure that may come from a sketch (distinct values, duplicate rows, value, word, tag and class counts, the rest
 * beyond the top values, vocabulary size, quantiles, histogram buckets, IQR outliers) is an object
 * {@code {"value": 1234, "exact": false, "lower": 1210, "upper": 1258}} ({@link Figure#json()}); an exact one has
 * {@code "exact": true} and its value as both bounds. A list of counts holds {@code {"value": "US", "count": {...}}}.
 * Non-finite numbers are written as null. Stateless and thread-safe.
 */
public final class ProfileJson {
    private static final int TOP = 20;
    private static final int FREQUENCIES = 200;
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private ProfileJson() {
    }

    /** Writes the JSON to a stream (left open). */
    public static void write(SnapshotProfile profile, OutputStream out) throws IOException {
        MAPPER.writeValue(out, tree(profile));
    }

    /** The JSON as a tree of maps, lists, strings, numbers and booleans. */
    public static Map<String, Object> tree(SnapshotProfile profile) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", profile.rows());
        json.put("rowsPerSplit", profile.rowsPerSplit());
        DuplicateSummary duplicates = profile.duplicates();
        json.put("duplicates", Map.of("rows", duplicates.rows(), "duplicateRows", duplicates.duplicates().json(),
                "duplicateShare", duplicates.duplicateShare(), "exact", duplicates.exact()));
        ReadReport reads = profile.reads();
        Map<String, Object> read = new LinkedHashMap<>();
        if (reads.linesKnown()) {
            read.put("linesRead", reads.linesRead());
        }
        read.put("rowsRead", reads.rowsRead());
        read.put("rowsRejected", reads.rowsRejected());
        read.put("byKind", reads.byKind());
        read.put("examples", reads.examples().stream().map(p -> Map.of("source", p.source(), "line", p.line(),
                "kind", p.kind(), "message", p.message(), "rows", p.rows())).toList());
        json.put("reads", read);
        Map<String, Object> splits = new LinkedHashMap<>();
        profile.splits().forEach((name, split) -> splits.put(name, split(split)));
        json.put("splits", splits);
        return json;
    }

    private static Map<String, Object> split(SplitProfile split) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", split.rows());
        split.labels().ifPresent(labels -> json.put("labels", labels(labels)));
        split.tags().ifPresent(tags -> json.put("tags", tags(tags)));
        Map<String, Object> columns = new LinkedHashMap<>();
        split.columns().forEach((name, column) -> columns.put(name, column(column)));
        json.put("columns", columns);
        return json;
    }

    private static Map<String, Object> labels(LabelSummary labels) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("column", labels.column());
        Map<String, Object> counts = new LinkedHashMap<>();
        labels.counts().keySet().forEach(label -> counts.put(label, labels.count(label).json()));
        json.put("counts", counts);
        json.put("exact", labels.exact());
        json.put("imbalanceRatio", finite(labels.imbalanceRatio()));
        json.put("minorityShare", finite(labels.minorityShare()));
        return json;
    }

    private static Map<String, Object> tags(TagSummary tags) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("column", tags.column());
        json.put("rows", tags.rows());
        json.put("tagsPerRow", tags.tagsPerRow());
        json.put("meanTagsPerRow", finite(tags.meanTagsPerRow()));
        json.put("exact", tags.exact());
        json.put("frequencies", counts(tags.figures(tags.frequencies().stream().limit(FREQUENCIES).toList())));
        json.put("minFrequency", tags.minFrequency());
        json.put("justMadeCut", counts(tags.figures(tags.justMadeCut(5))));
        json.put("justMissedCut", counts(tags.figures(tags.justMissedCut(5))));
        json.put("belowCut", counts(tags.figures(tags.belowCut())));
        json.put("hasVocabulary", tags.hasVocabulary());
        json.put("outOfVocabulary", counts(tags.figures(tags.outOfVocabulary())));
        Map<String, Object> words = new LinkedHashMap<>();
        tags.distinctiveWords(TOP, 10).forEach((tag, scores) -> words.put(tag, scores.stream()
                .map(ProfileJson::score).toList()));
        json.put("distinctiveWords", words);
        return json;
    }

    private static Map<String, Object> score(WordScore score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("word", score.word());
        json.put("logOdds", finite(score.logOdds()));
        json.put("zScore", finite(score.zScore()));
        json.put("inTag", score.inTag());
        return json;
    }

    private static Map<String, Object> column(ColumnProfile column) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", column.count());
        json.put("missing", column.missing());
        json.put("missingRatio", column.missingRatio());
        json.put("missingByReason", column.missingByReason());
        json.put("distinct", column.distinctFigure().json());
        json.put("type", column.type() == null ? null : column.type().name().toLowerCase(java.util.Locale.ROOT));
        json.put("typeCounts", column.typeCounts());
        json.put("mismatched", column.mismatched());
        json.put("mismatchedShare", column.mismatchedShare());
        if (column.numeric() != null) {
            json.put("numeric", numeric(column.numeric()));
        }
        if (column.categorical() != null) {
            CategoricalSummary categorical = column.categorical();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("exact", categorical.exact());
            values.put("total", categorical.total());
            values.put("top", counts(categorical.figures(categorical.top(TOP))));
            values.put("rest", categorical.restFigure(TOP).json());
            values.put("spellingGroups", categorical.spellingGroups().stream().limit(TOP).map(g -> Map.of(
                    "key", g.key(), "count", categorical.rowsOf(g.spellings()).json(),
                    "spellings", counts(categorical.figures(g.spellings())))).toList());
            json.put("categorical", values);
        }
        if (column.text() != null) {
            TextSummary text = column.text();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("texts", text.texts());
            values.put("empty", text.empty());
            values.put("emptyShare", text.emptyShare());
            values.put("vocabularySize", text.vocabularyFigure().json());
            values.put("wordCount", text.wordCount());
            values.put("chars", text.chars() == null ? null : numeric(text.chars()));
            values.put("words", text.words() == null ? null : numeric(text.words()));
            values.put("frequentWords", counts(text.frequentWordFigures(TOP)));
            json.put("text", values);
        }
        column.earliest().ifPresent(v -> json.put("earliest", v));
        column.latest().ifPresent(v -> json.put("latest", v));
        return json;
    }

    private static Map<String, Object> numeric(NumericSummary numeric) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", numeric.count());
        json.put("min", finite(numeric.min()));
        json.put("max", finite(numeric.max()));
        json.put("mean", finite(numeric.mean()));
        json.put("stdDev", finite(numeric.stdDev()));
        json.put("zeros", numeric.zeros());
        json.put("negatives", numeric.negatives());
        Map<String, Object> quantiles = new LinkedHashMap<>();
        for (double rank : NumericSummary.RANKS) {
            quantiles.put("p" + Math.round(rank * 100), NumericFigures.quantile(numeric, rank));
        }
        json.put("quantiles", quantiles);
        json.put("iqrOutliers", NumericFigures.iqrOutliers(numeric).json());
        json.put("histogram", NumericFigures.histogram(numeric, TOP));
        return json;
    }

    private static List<Map<String, Object>> counts(List<CountFigure> counts) {
        return counts.stream().map(c -> Map.<String, Object>of("value", c.value(), "count", c.count().json())).toList();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
