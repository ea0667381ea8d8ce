package dev.driftwatch.engine.rule.tags;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts the tags of one column as rows stream by: rows per tag (aliases resolved, excluded tags
 * dropped, a tag repeated in one row counted once), per split and in total, and the rows that carry a
 * tag outside the vocabulary. Not thread-safe (a row check sees rows from one thread).
 */
final class TagCounts implements Rule.RowCheck {
    final String column;
    private final String idColumn;
    private final Set<String> exclude;
    private final TagVocabulary vocabulary;
    private final int maxEvidence;
    /** Hash maps (the rule sorts what it reports): a sorted map per row and tag costs more than the rest of the rule. */
    final Map<String, Long> total = new HashMap<>();
    final Map<String, Map<String, Long>> bySplit = new LinkedHashMap<>();
    final Map<String, Long> outOfVocabulary = new TreeMap<>();
    final List<Evidence> oovExamples = new ArrayList<>();
    long rows;
    long rowsWithTags;
    long rowsOutOfVocabulary;
    boolean columnSeen;

    TagCounts(String column, String idColumn, Set<String> exclude, TagVocabulary vocabulary, int maxEvidence) {
        this.column = column;
        this.idColumn = idColumn;
        this.exclude = exclude;
        this.vocabulary = vocabulary;
        this.maxEvidence = maxEvidence;
    }

    /** The vocabulary tag a label stands for, or the label itself when it is unknown or there is no vocabulary. */
    String resolve(String label) {
        return vocabulary == null ? label : vocabulary.resolve(label).orElse(label);
    }

    @Override
    public void accept(Row row) {
        rows++;
        columnSeen |= row.header().indexOf(column) >= 0;
        Set<String> tags = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : row.labels(column)) {
            String label = raw.strip();
            if (label.isEmpty() || exclude.contains(label)) {
                continue;
            }
            String tag = resolve(label);
            if (exclude.contains(tag)) {
                continue;
            }
            if (tags.add(tag) && vocabulary != null && vocabulary.resolve(label).isEmpty()) {
                unknown.add(tag);
            }
        }
        if (tags.isEmpty()) {
            return;
        }
        rowsWithTags++;
        Map<String, Long> split = bySplit.computeIfAbsent(row.split(), s -> new HashMap<>());
        tags.forEach(tag -> {
            total.merge(tag, 1L, Long::sum);
            split.merge(tag, 1L, Long::sum);
        });
        if (!unknown.isEmpty()) {
            rowsOutOfVocabulary++;
            unknown.forEach(tag -> outOfVocabulary.merge(tag, 1L, Long::sum));
            if (oovExamples.size() < maxEvidence) {
                Evidence e = RowValues.evidence(row, idColumn, List.of(column));
                Map<String, String> values = new LinkedHashMap<>(e.values());
                values.put(column, String.join(", ", row.labels(column)));
                values.put("outside_vocabulary", String.join(", ", unknown));
                oovExamples.add(new Evidence(e.source(), e.line(), e.id(), values));
            }
        }
    }
}
