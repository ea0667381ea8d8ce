package dev.driftwatch.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.ReferencePolicy;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.ReadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Turns the dataset part of a rules file into a {@link DatasetDefinition}; paths resolve against the file's folder. */
final class DatasetDefinitions {
    private final Path file;
    private final DataRoots roots;

    DatasetDefinitions(Path file, DataRoots roots) {
        this.file = file;
        this.roots = roots;
    }

    DatasetDefinition of(DatasetDocument doc, YamlLocator locator) {
        String name = RulesFileLoader.located(file, locator, "dataset", () -> require(doc.dataset(), "a dataset name"));
        String source = RulesFileLoader.located(file, locator, "source", () -> require(doc.source(), "the folder of snapshots"));
        Path folder = file.toAbsolutePath().getParent();
        Path sourcePath = folder.resolve(source).normalize();
        RulesFileLoader.located(file, locator, "source", () -> {
            roots.requireInside(sourcePath, "a folder");
            return sourcePath;
        });
        SnapshotLayout layout = RulesFileLoader.located(file, locator, "", () -> SnapshotKeys.layout(doc));
        Format format = doc.format() == null ? null
                : RulesFileLoader.located(file, locator, "format", () -> Format.of(doc.format()));
        ReadOptions readOptions = RulesFileLoader.located(file, locator, "",
                () -> ReadOptionKeys.of(doc));
        SplitPolicy splits = RulesFileLoader.located(file, locator, "splits", () -> splits(doc.splits()));
        ColumnRoles columns = RulesFileLoader.located(file, locator, "",
                () -> HeaderNames.requireDeclared(readOptions.header(), columns(doc.columns()), splits));
        ReferencePolicy reference = RulesFileLoader.located(file, locator, "reference", () -> reference(doc.reference()));
        Duration interval = doc.schedule() == null || doc.schedule().interval() == null ? null
                : RulesFileLoader.located(file, locator, "schedule.interval", () -> DurationText.parse(doc.schedule().interval()));
        double maxBad = doc.maxBadRowShare() == null ? 0.01 : doc.maxBadRowShare();
        VocabularyDeclaration vocabulary = doc.vocabulary() == null ? null
                : RulesFileLoader.located(file, locator, "vocabulary", () -> vocabulary(doc.vocabulary(), folder));
        if (vocabulary != null && vocabulary.file() != null) {
            RulesFileLoader.located(file, locator, "vocabulary.file", () -> {
                roots.requireInside(vocabulary.file(), "a file");
                return vocabulary;
            });
        }
        long exactValues = RulesFileLoader.located(file, locator, "", () -> exactValuesLimit(doc.exactValuesLimit()));
        long rowMemory = RulesFileLoader.located(file, locator, "", () -> rowMemory(doc.rowMemory()));
        return RulesFileLoader.located(file, locator, "", () -> new DatasetDefinition(name, sourcePath, layout, format,
                readOptions, splits, columns, reference, interval, maxBad, vocabulary, exactValues, rowMemory));
    }

    private static VocabularyDeclaration vocabulary(DatasetDocument.Vocabulary v, Path folder) {
        return new VocabularyDeclaration(v.file() == null ? null : folder.resolve(v.file()).normalize(), v.inSnapshot(),
                v.exclude() == null ? null : java.util.Set.copyOf(v.exclude()),
                v.minFrequency() == null ? 0 : v.minFrequency());
    }

    /** exact_values_limit: a whole number of values from 0 to the engine's maximum; absent means the default. */
    private static long exactValuesLimit(JsonNode node) {
        if (node == null || node.isNull()) {
            return DatasetDefinition.DEFAULT_EXACT_VALUES_LIMIT;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()
                || node.asLong() < 0 || node.asLong() > DatasetDefinition.MAX_EXACT_VALUES_LIMIT) {
            throw new IllegalArgumentException("exact_values_limit: expected a whole number of values from 0 to "
                    + DatasetDefinition.MAX_EXACT_VALUES_LIMIT + " but found " + (node.isTextual() ? "'" + node.asText() + "'" : node.toString()));
        }
        return node.asLong();
    }

    /** row_memory: a whole number of bytes of at least the engine's minimum; absent means the default. */
    private static long rowMemory(JsonNode node) {
        if (node == null || node.isNull()) {
            return DatasetDefinition.DEFAULT_ROW_MEMORY;
        }
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < DatasetDefinition.MIN_ROW_MEMORY) {
            throw new IllegalArgumentException("row_memory: expected a whole number of bytes of at least "
                    + DatasetDefinition.MIN_ROW_MEMORY + " but found " + (node.isTextual() ? "'" + node.asText() + "'" : node.toString()));
        }
        return node.asLong();
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("expected " + what + " but found none");
        }
        return value;
    }

    private static SplitPolicy splits(DatasetDocument.Splits splits) {
        if (splits == null) {
            return SplitPolicy.none();
        }
        String by = splits.by() == null ? "file" : splits.by();
        return switch (by) {
            case "file" -> new SplitPolicy(SplitPolicy.Kind.FILE, splits.files(), null, splits.order());
            case "column" -> new SplitPolicy(SplitPolicy.Kind.COLUMN, null, splits.column(), splits.order());
            default -> throw new IllegalArgumentException("by: expected file or column but found " + by);
        };
    }

    private static ColumnRoles columns(DatasetDocument.Columns c) {
        if (c == null) {
            return ColumnRoles.none();
        }
        return new ColumnRoles(c.id(), c.inputs(), c.label(), c.tags(), c.numeric(), c.categorical(), c.text(),
                c.timestamps(), c.missingTokens());
    }

    private static ReferencePolicy reference(JsonNode node) {
        if (node == null || node.isNull()) {
            return ReferencePolicy.previous();
        }
        if (node.isTextual()) {
            if (node.asText().toLowerCase(Locale.ROOT).equals("previous")) {
                return ReferencePolicy.previous();
            }
            throw new IllegalArgumentException(
                    "expected 'previous', {baseline: <snapshot id>} or {split: <split>} but found " + node.asText());
        }
        if (node.has("baseline")) {
            return new ReferencePolicy(ReferencePolicy.Kind.BASELINE, node.get("baseline").asText(), null);
        }
        if (node.has("split")) {
            return new ReferencePolicy(ReferencePolicy.Kind.SPLIT, null, node.get("split").asText());
        }
        throw new IllegalArgumentException(
                "expected 'previous', {baseline: <snapshot id>} or {split: <split>} but found " + node);
    }
}
