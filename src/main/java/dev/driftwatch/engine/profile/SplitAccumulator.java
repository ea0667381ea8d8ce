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
    private final List<ColumnAccumulator> inputs = new ArrayList<>();
    private final WordList rowWords = new WordList();

    SplitAccumulator(String split, ProfileRequest request) {
        this.split = split;
        this.request = request;
        request.roles().declared().forEach(this::column);
        if (request.roles().tags() != null) {
            tags = new TagAccumulator();
        }
        request.roles().inputs().forEach(name -> inputs.add(column(name)));
    }

    void accept(Row row) {
        if (row.header() != lastHeader) {
            lastHeader = row.header();
            byPosition = new ArrayList<>(lastHeader.size());
            for (String name : lastHeader.names()) {
                byPosition.add(column(name));
            }
        }
        rows++;
        if (columns.size() > byPosition.size()) {
            for (var column : columns.values()) {
                if (lastHeader.indexOf(column.name()) < 0) {
                    column.accept(null);
                }
            }
        }
        for (int i = 0; i < byPosition.size(); i++) {
            byPosition.get(i).accept(row.get(i));
        }
        if (tags != null) {
            rowWords.clear();
            for (ColumnAccumulator input : inputs) {
                rowWords.addAll(input.lastWords());
            }
            tags.accept(row.labels(request.roles().tags()), rowWords);
        }
    }

    private ColumnAccumulator column(String name) {
        return columns.computeIfAbsent(name, n -> {
            ColumnRoles roles = request.roles();
            var column = new ColumnAccumulator(n, request.missingTokensOf(n),
                    roles.inputs().contains(n) || roles.text().contains(n),
                    n.equals(roles.id()) || roles.numeric().contains(n) || roles.timestamps().contains(n));
            column.acceptMissing(rows);
            return column;
        });
    }

    String name() {
        return split;
    }

    void merge(SplitAccumulator other) {
        other.columns.forEach((name, column) -> column(name).merge(column));
        rows += other.rows;
        columns.forEach((name, column) -> column.padTo(rows));
        if (other.tags != null) {
            if (tags == null) {
                tags = new TagAccumulator();
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
            labels = LabelSummary.of(label, classes.values(), classes.exact());
        } else if (tagSummary != null && tagSummary.tagsPerRow().keySet().stream().allMatch(n -> n <= 1)) {
            labels = LabelSummary.of(tagColumn, tagSummary.frequencies(), tagSummary.exact());
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
        var accumulator = new SplitAccumulator(Codec.readString(in), request);
        accumulator.columns.clear();
        accumulator.inputs.clear();
        accumulator.tags = null;
        accumulator.rows = in.readLong();
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            ColumnAccumulator column = ColumnAccumulator.read(in);
            accumulator.columns.put(column.name(), column);
        }
        if (in.readBoolean()) {
            accumulator.tags = TagAccumulator.read(in);
        }
        return accumulator;
    }

}
