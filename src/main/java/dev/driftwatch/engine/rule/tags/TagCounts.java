package dev.driftwatch.engine.rule.tags;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.MergeableRowCheck;
import dev.driftwatch.engine.rule.RowValues;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the tags of one column as rows stream by: rows per tag (aliases resolved, excluded tags
 * dropped, a tag repeated in one row counted once), per split and in total, and the rows that carry a
 * tag outside the vocabulary. Counts of disjoint rows merge; the vocabulary does not travel with them (a merged whole
 * is a fresh check of the rule, which has it). Only the tallies the rule reads are kept: the total for {@code rare}
 * and for {@code new} against another snapshot, those per split for {@code new} against a split. Not thread-safe (a
 * row check sees rows from one thread).
 */
final class TagCounts implements MergeableRowCheck {
    final String column;
    private final String idColumn;
    private final transient Set<String> exclude;
    private final transient TagVocabulary vocabulary;
    private final int maxEvidence;
    /**
     * Exact hash maps (the rule sorts what it reports) up to a bound of distinct tags, then sketches: see
     * {@link TagTally}. Null when not counted.
     */
    final TagTally total;
    /** Empty when not counted. */
    final LinkedHashMap<String, TagTally> bySplit = new LinkedHashMap<>();
    private final boolean countsSplits;
    final TagTally outOfVocabulary;
    private final int exactTags;
    List<Evidence> oovExamples = new ArrayList<>();
    long rows;
    long rowsWithTags;
    long rowsOutOfVocabulary;
    boolean columnSeen;

    /** Counts the tags in total and per split. */
    TagCounts(String column, String idColumn, Set<String> exclude, TagVocabulary vocabulary, int maxEvidence) {
        this(column, idColumn, exclude, vocabulary, maxEvidence, TagTally.EXACT_TAGS, true, true);
    }

    /**
     * @param exactTags    the most distinct tags each count keeps exactly (in total, per split, outside the vocabulary)
     * @param countsTotal  whether to count the rows per tag in total
     * @param countsSplits whether to count the rows per tag in each split
     */
    TagCounts(String column, String idColumn, Set<String> exclude, TagVocabulary vocabulary, int maxEvidence, int exactTags,
              boolean countsTotal, boolean countsSplits) {
        this.exactTags = exactTags;
        this.total = countsTotal ? new TagTally(exactTags) : null;
        this.countsSplits = countsSplits;
        this.outOfVocabulary = new TagTally(exactTags);
        this.column = column;
        this.idColumn = idColumn;
        this.exclude = exclude;
        this.vocabulary = vocabulary;
        this.maxEvidence = maxEvidence;
    }

    /** The most distinct tags each tally counts exactly. */
    int exactTags() {
        return exactTags;
    }

    /** The vocabulary tag a label stands for, or the label itself when it is unknown or there is no vocabulary. */
    String resolve(String label) {
        return vocabulary == null ? label : vocabulary.resolve(label).orElse(label);
    }

    @Override
    public void accept(Row row) {
        rows++;
        int index = row.header().indexOf(column);
        columnSeen |= index >= 0;
        String single = row.singleLabel(index);
        if (single != null) {
            String tag = tagOf(single);
            if (tag != null) {
                add(tag, countRow(row));
                if (isUnknown(single.strip())) {
                    countOutOfVocabulary(row, List.of(tag));
                }
            }
            return;
        }
        Set<String> tags = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : row.labels(index)) {
            String tag = tagOf(raw);
            if (tag != null && tags.add(tag) && isUnknown(raw.strip())) {
                unknown.add(tag);
            }
        }
        if (!tags.isEmpty()) {
            count(row, tags, unknown);
        }
    }

    /** The tag a raw label counts as, or null when it is empty or excluded (as written or as resolved). */
    private String tagOf(String raw) {
        String label = raw.strip();
        if (label.isEmpty() || exclude.contains(label)) {
            return null;
        }
        String tag = resolve(label);
        return exclude.contains(tag) ? null : tag;
    }

    private boolean isUnknown(String label) {
        return vocabulary != null && vocabulary.resolve(label).isEmpty();
    }

    /** Counts a row's distinct tags, of which {@code unknown} are outside the vocabulary. */
    private void count(Row row, Collection<String> tags, List<String> unknown) {
        TagTally split = countRow(row);
        for (String tag : tags) {
            add(tag, split);
        }
        if (!unknown.isEmpty()) {
            countOutOfVocabulary(row, unknown);
        }
    }

    /** Adds a tag to the tallies kept: the total and the row's split's ({@code split}, null when not counted). */
    private void add(String tag, TagTally split) {
        if (total != null) {
            total.add(tag);
        }
        if (split != null) {
            split.add(tag);
        }
    }

    /** Counts a row with tags; returns the tally of its split, or null when splits are not counted. */
    private TagTally countRow(Row row) {
        rowsWithTags++;
        return countsSplits ? bySplit.computeIfAbsent(row.split(), s -> new TagTally(exactTags)) : null;
    }

    /** Counts a row with tags outside the vocabulary, and keeps it as evidence while there is room. */
    private void countOutOfVocabulary(Row row, List<String> unknown) {
        rowsOutOfVocabulary++;
        unknown.forEach(outOfVocabulary::add);
        if (oovExamples.size() < maxEvidence) {
            Evidence e = RowValues.evidence(row, idColumn, List.of(column));
            Map<String, String> values = new LinkedHashMap<>(e.values());
            values.put(column, String.join(", ", row.labels(column)));
            values.put("outside_vocabulary", String.join(", ", unknown));
            oovExamples.add(new Evidence(e.source(), e.line(), e.id(), values));
        }
    }

    @Override
    public void merge(MergeableRowCheck other, Comparator<Evidence> order) {
        TagCounts part = (TagCounts) other;
        rows += part.rows;
        rowsWithTags += part.rowsWithTags;
        rowsOutOfVocabulary += part.rowsOutOfVocabulary;
        columnSeen |= part.columnSeen;
        if (total != null) {
            total.merge(part.total);
        }
        part.bySplit.forEach((split, tally) -> bySplit.computeIfAbsent(split, s -> new TagTally(exactTags)).merge(tally));
        outOfVocabulary.merge(part.outOfVocabulary);
        oovExamples = MergeableRowCheck.first(oovExamples, part.oovExamples, order, maxEvidence);
    }
}
