package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates the rows of one split: a column accumulator per column, and the tags. Not thread-safe. */
final class SplitAccumulator {
    private final String split;
    private final ProfileRequest request;
    private final Map<String, ColumnAccumulator> columns = new LinkedHashMap<>();
    private TagAccumulator tags;
    private long rows;
    private Header lastHeader;
    private List<ColumnAccumulator> byPosition = List.of();
    private final List<WordList> inputWords = new ArrayList<>();
    private final WordIds wordIds;
    private final String splitColumn;
    private int splitColumnIndex = -1;
    private int tagsIndex = -1;
    private final ExactValuesBudget budget;

    /**
     * @param splitColumn the column that names each row's split (left out of fingerprints), or null
     * @param wordIds     the word ids of the lane
     */
    SplitAccumulator(String split, ProfileRequest request, String splitColumn, WordIds wordIds) {
        this(split, request, splitColumn, wordIds, null);
    }

    /** @param budget the exact values held by every lane of this pass, or null for an accumulator on its own */
    SplitAccumulator(String split, ProfileRequest request, String splitColumn, WordIds wordIds, ExactValuesBudget budget) {
        this.budget = budget;
        this.split = split;
        this.wordIds = wordIds;
        this.request = request;
        this.splitColumn = splitColumn;
        request.roles().declared().forEach(this::column);
        if (request.roles().tags() != null) {
            tags = newTags();
        }
        request.roles().inputs().forEach(name -> inputWords.add(column(name).lastWords()));
    }

    /**
     * Adds a row; returns its {@link RowFingerprint} (0 when the run leaves duplicate rows out).
     *
     * @param keepHashes whether to keep the hash and type of each value in the row ({@link Row#keepValueHashes},
     *                   {@link Row#keepValueTypes}), for its derivations and row checks
     */
    long accept(Row row, boolean keepHashes) {
        if (row.header() != lastHeader) {
            lastHeader = row.header();
            byPosition = new ArrayList<>(lastHeader.size());
            for (String name : lastHeader.names()) {
                byPosition.add(column(name));
            }
            splitColumnIndex = splitColumn == null ? -1 : lastHeader.indexOf(splitColumn);
            tagsIndex = request.roles().tags() == null ? -1 : lastHeader.indexOf(request.roles().tags());
        }
        rows++;
        if (columns.size() > byPosition.size()) {
            for (var column : columns.values()) {
                if (lastHeader.indexOf(column.name()) < 0) {
                    column.accept(null);
                }
            }
        }
        boolean fingerprinted = request.measures(ProfileRequest.EdaOnly.DUPLICATE_ROWS);
        long fingerprint = RowFingerprint.START;
        long[] hashes = keepHashes ? new long[byPosition.size()] : null;
        byte[] types = keepHashes ? new byte[byPosition.size()] : null;
        for (int i = 0; i < byPosition.size(); i++) {
            ColumnAccumulator column = byPosition.get(i);
            long hash = column.accept(row.get(i));
            if (hashes != null) {
                hashes[i] = hash;
                types[i] = column.lastType();
            }
            if (fingerprinted && i != splitColumnIndex) {
                fingerprint = RowFingerprint.then(fingerprint, hash);
            }
        }
        if (tags != null) {
            tags.accept(row, tagsIndex, inputWords);
        }
        if (hashes != null) {
            row.keepValueHashes(hashes);
            row.keepValueTypes(types);
        }
        return fingerprinted ? RowFingerprint.finish(fingerprint) : 0;
    }

    /** The tag counts of this split, with the words of each tag unless the run leaves them out. */
    private TagAccumulator newTags() {
        return new TagAccumulator(wordIds, request.measures(ProfileRequest.EdaOnly.TAG_WORDS));
    }

    private ColumnAccumulator column(String name) {
        return columns.computeIfAbsent(name, n -> {
            ColumnRoles roles = request.roles();
            ExactValues exact = roles.numeric().contains(n)
                    ? new ExactValues(request.exactValuesLimit(), budget == null ? null : budget.held(split, n)) : null;
            var column = new ColumnAccumulator(n, request.missingTokensOf(n),
                    roles.profiledAsText(n),
                    n.equals(roles.id()) || roles.numeric().contains(n) || roles.timestamps().contains(n), wordIds, exact,
                    request.measures(ProfileRequest.EdaOnly.DISTINCT_VALUES));
            column.acceptMissing(rows);
            return column;
        });
    }

    String name() {
        return split;
    }

    /** The column accumulators by name, in column order. */
    Map<String, ColumnAccumulator> columns() {
        return columns;
    }

    void merge(SplitAccumulator other) {
        other.columns.forEach((name, column) -> column(name).merge(column));
        rows += other.rows;
        columns.forEach((name, column) -> column.padTo(rows));
        if (other.tags != null) {
            if (tags == null) {
                tags = newTags();
            }
            tags.merge(other.tags);
        }
    }

    SplitProfile toProfile(TagSettings settings) {
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        columns.forEach((name, column) -> profiles.put(name, column.toProfile()));
        String tagColumn = request.roles().tags();
        TagSummary tagSummary = tags == null ? null : tags.summary(tagColumn, settings, background());
        LabelSummary labels = null;
        String label = request.roles().label();
        if (label != null && profiles.containsKey(label) && profiles.get(label).categorical() != null) {
            CategoricalSummary classes = profiles.get(label).categorical();
            labels = LabelSummary.of(label, classes.values(), classes.maxError());
        } else if (tagSummary != null && tagSummary.tagsPerRow().keySet().stream().allMatch(n -> n <= 1)) {
            labels = LabelSummary.of(tagColumn, tagSummary.frequencies(), tagSummary.maxError());
        }
        return new SplitProfile(split, rows, profiles, labels, tagSummary);
    }

    private FrequencyCounter background() {
        var background = new FrequencyCounter(TextAccumulator.WORD_CAPACITY);
        for (String input : request.roles().inputs()) {
            ColumnAccumulator column = columns.get(input);
            if (column != null && column.words() != null) {
                background.merge(column.words());
            }
        }
        return background;
    }

    void write(DataOutput out) throws IOException {
        Codec.writeString(out, split);
        out.writeLong(rows);
        out.writeInt(columns.size());
        for (ColumnAccumulator column : columns.values()) {
            column.write(out);
        }
        out.writeBoolean(tags != null);
        if (tags != null) {
            tags.write(out);
        }
    }

    static SplitAccumulator read(DataInput in, ProfileRequest request) throws IOException {
        var accumulator = new SplitAccumulator(Codec.readString(in), request, null, new WordIds());
        accumulator.columns.clear();
        accumulator.inputWords.clear();
        accumulator.tags = null;
        accumulator.rows = in.readLong();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            ColumnAccumulator column = ColumnAccumulator.read(in, accumulator.wordIds);
            accumulator.columns.put(column.name(), column);
        }
        if (in.readBoolean()) {
            accumulator.tags = TagAccumulator.read(in, accumulator.wordIds);
        }
        return accumulator;
    }

}
