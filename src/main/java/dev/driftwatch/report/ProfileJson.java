package dev.driftwatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftwatch.engine.profile.Bin;
import dev.driftwatch.engine.profile.CategoricalSummary;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.NumericSummary;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.TagSummary;
import dev.driftwatch.engine.profile.TextSummary;
import dev.driftwatch.engine.profile.ValueCount;
import java.util.List;

/**
 * A profile as a JSON tree of its figures (not its sketches): per split, rows, columns (counts, missing by
 * reason, distinct, type, numeric summary with quantiles and a 20-bucket histogram, top values and spelling
 * groups, text lengths and words), labels and tags (tags per row, frequencies, the cut, out-of-vocabulary
 * tags, distinctive words); duplicates and read problems. Non-finite numbers are written as null. Stateless.
 */
final class ProfileJson {
    static final int TOP = 20;
    private final ObjectMapper mapper;

    ProfileJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode tree(SnapshotProfile profile) {
        ObjectNode root = mapper.createObjectNode();
        root.put("rows", profile.rows());
        ObjectNode splits = root.putObject("splits");
        profile.splits().forEach((name, split) -> splits.set(name, split(split)));
        root.putObject("duplicates").put("rows", profile.duplicates().rows())
                .put("duplicateRows", profile.duplicates().duplicateRows());
        root.set("reads", mapper.valueToTree(profile.reads()));
        return root;
    }

    private ObjectNode split(SplitProfile split) {
        ObjectNode node = mapper.createObjectNode().put("split", split.split()).put("rows", split.rows());
        ObjectNode columns = node.putObject("columns");
        split.columns().forEach((name, column) -> columns.set(name, column(column)));
        split.labels().ifPresent(labels -> {
            ObjectNode l = node.putObject("labels").put("column", labels.column()).put("exact", labels.exact());
            number(l, "imbalanceRatio", labels.imbalanceRatio());
            ObjectNode counts = l.putObject("counts");
            labels.counts().forEach(counts::put);
        });
        split.tags().ifPresent(tags -> node.set("tags", tags(tags)));
        return node;
    }

    private ObjectNode column(ColumnProfile c) {
        ObjectNode node = mapper.createObjectNode().put("count", c.count()).put("missing", c.missing())
                .put("distinct", c.distinct()).put("type", c.type() == null ? null : c.type().name().toLowerCase(java.util.Locale.ROOT))
                .put("mismatched", c.mismatched());
        ObjectNode reasons = node.putObject("missingByReason");
        c.missingByReason().forEach(reasons::put);
        ObjectNode types = node.putObject("typeCounts");
        c.typeCounts().forEach((type, n) -> types.put(type.name().toLowerCase(java.util.Locale.ROOT), n));
        if (c.numeric() != null) {
            node.set("numeric", numeric(c.numeric()));
        }
        if (c.categorical() != null) {
            node.set("categorical", categorical(c.categorical()));
        }
        if (c.text() != null) {
            node.set("text", text(c.text()));
        }
        c.earliest().ifPresent(v -> node.put("earliest", v));
        c.latest().ifPresent(v -> node.put("latest", v));
        return node;
    }

    private ObjectNode numeric(NumericSummary n) {
        ObjectNode node = mapper.createObjectNode().put("count", n.count()).put("zeros", n.zeros()).put("negatives", n.negatives());
        number(node, "min", n.min());
        number(node, "max", n.max());
        number(node, "mean", n.mean());
        number(node, "stdDev", n.stdDev());
        ArrayNode quantiles = node.putArray("quantiles");
        n.quantiles().forEach(q -> quantiles.add(Double.isFinite(q) ? mapper.getNodeFactory().numberNode(q) : mapper.nullNode()));
        ArrayNode histogram = node.putArray("histogram");
        for (Bin bin : n.histogram(20)) {
            histogram.addObject().put("lower", bin.lower()).put("upper", bin.upper()).put("count", bin.count());
        }
        return node;
    }

    private ObjectNode categorical(CategoricalSummary c) {
        ObjectNode node = mapper.createObjectNode().put("exact", c.exact()).put("total", c.total());
        node.set("top", counts(c.top(TOP)));
        ArrayNode groups = node.putArray("spellingGroups");
        c.spellingGroups().forEach(g -> groups.addObject().put("key", g.key()).put("count", g.count()).set("spellings", counts(g.spellings())));
        return node;
    }

    private ObjectNode text(TextSummary t) {
        ObjectNode node = mapper.createObjectNode().put("texts", t.texts()).put("empty", t.empty())
                .put("vocabularySize", t.vocabularySize()).put("words", t.wordCount());
        if (t.chars() != null) {
            number(node, "meanChars", t.chars().mean());
        }
        if (t.words() != null) {
            number(node, "meanWords", t.words().mean());
        }
        node.set("frequentWords", counts(t.frequentWords(TOP)));
        return node;
    }

    private ObjectNode tags(TagSummary t) {
        ObjectNode node = mapper.createObjectNode().put("column", t.column()).put("rows", t.rows()).put("exact", t.exact())
                .put("minFrequency", t.minFrequency());
        number(node, "meanTagsPerRow", t.meanTagsPerRow());
        ObjectNode perRow = node.putObject("tagsPerRow");
        t.tagsPerRow().forEach((n, rows) -> perRow.put(Integer.toString(n), rows));
        node.set("frequencies", counts(t.frequencies()));
        node.set("belowCut", counts(t.belowCut()));
        node.set("outOfVocabulary", counts(t.outOfVocabulary()));
        ObjectNode words = node.putObject("distinctiveWords");
        t.distinctiveWords(TOP, 10).forEach((tag, scores) -> {
            ArrayNode list = words.putArray(tag);
            scores.forEach(s -> list.addObject().put("word", s.word()).put("logOdds", s.logOdds()).put("zScore", s.zScore())
                    .put("inTag", s.inTag()));
        });
        return node;
    }

    private ArrayNode counts(List<ValueCount> values) {
        ArrayNode array = mapper.createArrayNode();
        values.forEach(v -> array.addObject().put("value", v.value()).put("count", v.count()));
        return array;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
