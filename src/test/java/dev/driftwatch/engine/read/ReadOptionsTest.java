package dev.driftwatch.engine.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A declared header for files without a header row, and trimmed values (the UCI Adult layout). */
class ReadOptionsTest {
    private static final List<String> NAMES = List.of("age", "workclass", "income");
    private static final String ADULT_LIKE = "39, State-gov, <=50K\n50, ?, >50K\n\n";

    @TempDir
    Path folder;

    private static RecordedRead read(Format format, ReadOptions options, String text) throws IOException {
        return read(format, options, text.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordedRead read(Format format, ReadOptions options, byte[] bytes) throws IOException {
        return RecordedRead.of(format.reader(options), bytes, "adult.data", "train");
    }

    @Test
    void withADeclaredHeaderTheFirstLineIsData() throws IOException {
        RecordedRead read = read(Format.CSV, new ReadOptions(NAMES, false), ADULT_LIKE);
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).extracting(Row::line).containsExactly(1L, 2L);
        assertThat(read.rows().get(0).header().names()).isEqualTo(NAMES);
        assertThat(read.rows().get(0).text("age")).isEqualTo("39");
        assertThat(read.rows().get(0).text("workclass")).isEqualTo(" State-gov");
    }

    @Test
    void trimmedValuesLoseTheSpaceAfterEachComma() throws IOException {
        RecordedRead read = read(Format.CSV, new ReadOptions(NAMES, true), ADULT_LIKE);
        assertThat(read.rows()).extracting(row -> row.text("workclass")).containsExactly("State-gov", "?");
        assertThat(read.rows()).extracting(row -> row.text("income")).containsExactly("<=50K", ">50K");
    }

    @Test
    void trimmingAlsoAppliesToFilesWithAHeaderRowAndToTsv() throws IOException {
        RecordedRead csv = read(Format.CSV, new ReadOptions(null, true), "a, b\n 1 ,\" x \"\n");
        assertThat(csv.rows().get(0).header().names()).containsExactly("a", "b");
        assertThat(csv.rows().get(0).text("a")).isEqualTo("1");
        assertThat(csv.rows().get(0).text("b")).isEqualTo("x");
        RecordedRead tsv = read(Format.TSV, new ReadOptions(List.of("a", "b"), true), "1 \t y\n");
        assertThat(tsv.rows()).singleElement().satisfies(row -> {
            assertThat(row.text("a")).isEqualTo("1");
            assertThat(row.text("b")).isEqualTo("y");
        });
    }

    @Test
    void aHeaderOfTheWrongLengthRejectsEveryRowAndSaysWhere() throws IOException {
        RecordedRead read = read(Format.CSV, new ReadOptions(List.of("age", "workclass"), true), ADULT_LIKE);
        assertThat(read.rows()).isEmpty();
        assertThat(read.problems()).extracting(ReadProblem::toString).containsExactly(
                "adult.data:1: expected 2 fields, one per name of header: in the rules file, but found 3",
                "adult.data:2: expected 2 fields, one per name of header: in the rules file, but found 3");
        assertThat(read.problems()).extracting(ReadProblem::kind).containsOnly("field_count");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstValue() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "39,x,y\n40,x,y\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        RecordedRead read = read(Format.CSV, new ReadOptions(NAMES, false), bytes);
        assertThat(read.rows()).extracting(row -> row.text("age")).containsExactly("39", "40");
    }

    @Test
    void badHeadersAreRefusedAtTheirKey() {
        assertThatThrownBy(() -> new ReadOptions(List.of(), false))
                .hasMessage("header: expected at least one column name but found an empty list");
        assertThatThrownBy(() -> new ReadOptions(List.of("a", " "), false))
                .hasMessage("header[1]: expected a column name but found an empty one");
        assertThatThrownBy(() -> new ReadOptions(List.of("a", "b", "a"), false))
                .hasMessage("header[2]: expected unique column names but 'a' is named twice");
    }

    @Test
    void jsonFormatsRefuseTheOptionsNamingTheKey() {
        assertThatThrownBy(() -> Format.JSONL.reader(new ReadOptions(NAMES, false)))
                .hasMessage("header: expected format csv or tsv but found jsonl (a JSON object names its own keys)");
        assertThatThrownBy(() -> Format.JSON.reader(new ReadOptions(null, true)))
                .hasMessage("trim_values: expected format csv or tsv but found json (JSON values are read as written)");
        assertThat(Format.JSON.reader(ReadOptions.AS_WRITTEN)).isNotNull();
        assertThatThrownBy(() -> dataset(Format.JSON, new ReadOptions(NAMES, false)))
                .hasMessageStartingWith("header: expected format csv or tsv but found json");
    }

    @Test
    void aJsonFileToldByItsNameInADatasetWithAHeaderIsAnUnreadableSnapshot() throws IOException {
        Path file = folder.resolve("rows.jsonl");
        Files.writeString(file, "{\"age\": 1}\n");
        var snapshot = new Snapshot("d", "rows.jsonl", List.of(new SnapshotFile(file, "rows.jsonl", SplitPolicy.ALL,
                Format.JSONL, Files.size(file))), new Provenance(file.toString(), 1, "-", Instant.EPOCH, Instant.EPOCH, Map.of()));
        var dataset = dataset(null, new ReadOptions(NAMES, false));
        assertThatThrownBy(() -> new Profiler(1).profile(dataset, snapshot, ProfileRequest.builder(ColumnRoles.none()).build(),
                List.of())).isInstanceOf(SnapshotException.class)
                .hasMessage("cannot read " + file + " as the rules file says: header: expected format csv or tsv but found"
                        + " jsonl (a JSON object names its own keys)");
    }

    private DatasetDefinition dataset(Format format, ReadOptions options) {
        return new DatasetDefinition("d", folder, new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "*"), format,
                options, SplitPolicy.none(), ColumnRoles.none(), null, null, 0.01, null);
    }
}
