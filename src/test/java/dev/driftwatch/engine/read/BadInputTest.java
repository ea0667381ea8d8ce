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
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed input is counted and reported with file and line, not fatal, unless it exceeds the allowed share. */
class BadInputTest {
    @TempDir
    Path folder;

    private static RecordedRead read(Format format, byte[] bytes) throws IOException {
        return RecordedRead.of(format.reader(), bytes, "f", "all");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        RecordedRead csv = read(Format.CSV, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("id,name\n1,a\n")));
        assertThat(csv.rows().get(0).header().names()).containsExactly("id", "name");
        assertThat(csv.rows().get(0).text("id")).isEqualTo("1");
        RecordedRead jsonl = read(Format.JSONL, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"id\":1}\n")));
        assertThat(jsonl.rows()).hasSize(1);
        RecordedRead json = read(Format.JSON, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("[{\"id\":1}]")));
        assertThat(json.rows()).hasSize(1);
        assertThat(json.problems()).isEmpty();
    }

    @Test
    void embeddedNewlinesStayInTheFieldAndLinesCountFromTheRecordStart() throws IOException {
        RecordedRead csv = read(Format.CSV, utf8("id,text\n1,\"two\nlines\"\n2,b\n"));
        assertThat(csv.rows()).hasSize(2);
        assertThat(csv.rows().get(0).text("text")).isEqualTo("two\nlines");
        assertThat(csv.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void aRowWithTheWrongFieldCountIsRejectedWithItsLine() throws IOException {
        RecordedRead csv = read(Format.CSV, utf8("a,b\n1,2\n3\n4,5,6\n7,8\n"));
        assertThat(csv.rows()).extracting(Row::line).containsExactly(2L, 5L);
        assertThat(csv.problems()).extracting(ReadProblem::line).containsExactly(3L, 4L);
        assertThat(csv.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo("field_count"));
        assertThat(csv.problems().get(0).message()).isEqualTo("expected 2 fields but found 1");
    }

    @Test
    void invalidUtf8IsAnEncodingProblemWithItsLine() throws IOException {
        byte[] bad = {'2', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        RecordedRead csv = read(Format.CSV, concat(utf8("a,b\n1,x\n"), bad, utf8("3,y\n")));
        assertThat(csv.rows()).hasSize(2);
        assertThat(csv.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("encoding");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.source()).isEqualTo("f");
        });
        RecordedRead jsonl = read(Format.JSONL, concat(utf8("{\"a\":1}\n{\"a\":\""), new byte[] {(byte) 0xFF}, utf8("\"}\n{\"a\":3}\n")));
        assertThat(jsonl.rows()).hasSize(2);
        assertThat(jsonl.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("encoding");
            assertThat(p.line()).isEqualTo(2);
        });
        RecordedRead json = read(Format.JSON, concat(utf8("[\n{\"a\":1},\n{\"a\":\""), new byte[] {(byte) 0xFF}, utf8("\"}]")));
        assertThat(json.rows()).hasSize(1);
        assertThat(json.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("encoding");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void malformedJsonIsReportedAtItsRealLine() throws IOException {
        RecordedRead json = read(Format.JSON, utf8("[\n  {\"a\": 1},\n  {\"a\": 2},\n\n  {\"a\": 3,,}\n]"));
        assertThat(json.rows()).extracting(Row::line).containsExactly(2L, 3L);
        assertThat(json.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("parse");
            assertThat(p.line()).isEqualTo(5);
        });
        RecordedRead jsonl = read(Format.JSONL, utf8("{\"a\":1}\n{\"a\":\n[1]\n{\"a\":4}\n"));
        assertThat(jsonl.rows()).extracting(Row::line).containsExactly(1L, 4L);
        assertThat(jsonl.problems()).extracting(ReadProblem::line).containsExactly(2L, 3L);
        assertThat(jsonl.problems()).extracting(ReadProblem::kind).containsExactly("parse", "not_an_object");
    }

    private DatasetDefinition dataset(Path file, double maxBadRowShare) {
        return new DatasetDefinition("bad", folder, new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT,
                file.getFileName().toString()), null, null, SplitPolicy.none(), ColumnRoles.none(), null, null, maxBadRowShare, null);
    }

    private static Snapshot snapshot(Path file) throws IOException {
        String name = file.getFileName().toString();
        return new Snapshot("bad", name, List.of(new SnapshotFile(file, name, SplitPolicy.ALL, Format.ofFileName(name),
                Files.size(file))), new Provenance(file.toString(), Files.size(file), "-", Instant.EPOCH, Instant.EPOCH, Map.of()));
    }

    private SnapshotProfile profile(Path file, double maxBadRowShare) throws IOException {
        return new Profiler(2).profile(dataset(file, maxBadRowShare), snapshot(file),
                ProfileRequest.builder(ColumnRoles.none()).build(), List.of());
    }

    @Test
    void theProfileSaysHowManyRowsWereSkippedAndWhy() throws IOException {
        Path file = folder.resolve("d.csv");
        Files.write(file, concat(utf8("a,b\n1,2\n3\n4,5\n"), new byte[] {'6', ',', (byte) 0xFF, '\n'}, utf8("7,8\n")));
        SnapshotProfile profile = profile(file, 0.5);
        assertThat(profile.rows()).isEqualTo(3);
        assertThat(profile.reads().rowsRejected()).isEqualTo(2);
        assertThat(profile.reads().byKind()).containsEntry("field_count", 1L).containsEntry("encoding", 1L);
        assertThat(profile.reads().examples()).extracting(ReadProblem::toString)
                .containsExactly("d.csv:3: expected 2 fields but found 1",
                        "d.csv:5: expected UTF-8 text but found an invalid byte sequence");
    }

    @Test
    void moreBadRowsThanAllowedMakeTheSnapshotUnreadable() throws IOException {
        Path file = folder.resolve("d.csv");
        Files.writeString(file, "a,b\n1,2\n3\n4,5\n");
        assertThat(profile(file, 0.34).reads().rowsRejected()).isEqualTo(1);
        assertThatThrownBy(() -> profile(file, 0.3)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("1 of 3 rows").hasMessageContaining("d.csv:3");
    }

    @Test
    void gzipFilesAreReadTransparently() throws IOException {
        Path file = folder.resolve("d.jsonl.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(utf8("{\"a\":1,\"tags\":[\"x\",\"y\"]}\n{\"a\":2,\"tags\":[]}\n"));
        }
        SnapshotProfile profile = profile(file, 0);
        assertThat(profile.rows()).isEqualTo(2);
        assertThat(profile.split("all").orElseThrow().column("a").orElseThrow().numeric().mean()).isEqualTo(1.5);
        assertThat(profile.split("all").orElseThrow().column("tags").orElseThrow().missingByReason())
                .containsEntry("empty", 1L);
    }
}
