package dev.driftwatch.engine.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A semicolon-separated corpus shaped like the tweet-emotion files (text;label, no header, train/val/test): read
 * with {@code delimiter: ";"}, and, without it, every row is refused with a problem that names the delimiter needed.
 */
class DelimiterTest {
    private static final List<String> SPLITS = List.of("train", "val", "test");
    private static final ReadOptions NO_HEADER = new ReadOptions(List.of("text", "label"), false);

    @TempDir
    Path folder;

    private static Map<String, Path> files(String folder) {
        Map<String, Path> files = new LinkedHashMap<>();
        SPLITS.forEach(split -> files.put(split, Corpora.resource(folder + "/" + split + ".txt")));
        return files;
    }

    private static SnapshotProfile profile(Map<String, Path> files, ReadOptions options, double maxBadRowShare) {
        DatasetDefinition dataset = Corpora.dataset(Format.CSV, options, Corpora.labelled("label", "text"), maxBadRowShare);
        Snapshot snapshot = Corpora.snapshot("emotion", Format.CSV, files);
        return Corpora.profile(dataset, snapshot, row -> { });
    }

    /** Labels per line, counted with plain splitting at the last ';' (the texts hold none). */
    private static Map<String, Long> labels(Path file) {
        Map<String, Long> counts = new TreeMap<>();
        Corpora.lines(Corpora.text(file)).forEach(line -> counts.merge(line.substring(line.lastIndexOf(';') + 1), 1L, Long::sum));
        return counts;
    }

    @Test
    void withTheSemicolonDeclaredEveryLineIsARowWithItsLabel() {
        // awk 'END {print NR}' -> train 1600, val 200, test 200; awk -F';' 'NF != 2' -> no line
        // awk -F';' '{c[$2]++}': train sadness 482, joy 538, love 140, anger 195, fear 187, surprise 58;
        // val 59, 59, 17, 28, 31, 6; test 50, 76, 21, 26, 21, 6 (recounted below by plain splitting)
        assertThat(labels(Corpora.resource("emotion/train.txt"))).isEqualTo(Map.of("sadness", 482L, "joy", 538L,
                "love", 140L, "anger", 195L, "fear", 187L, "surprise", 58L));
        SnapshotProfile profile = profile(files("emotion"), NO_HEADER.withDelimiter(';'), 0);
        assertThat(profile.rowsPerSplit()).isEqualTo(Map.of("train", 1600L, "val", 200L, "test", 200L));
        assertThat(profile.reads().linesRead()).isEqualTo(2000);
        for (String split : SPLITS) {
            assertThat(profile.split(split).orElseThrow().labels().orElseThrow().counts()).as(split)
                    .isEqualTo(labels(Corpora.resource("emotion/" + split + ".txt")));
        }
    }

    @Test
    void withoutItEveryRowIsRefusedAndTheProblemNamesTheDelimiter() {
        assertThatThrownBy(() -> profile(files("emotion"), NO_HEADER, 0.01)).isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("2000 of 2000 rows of snapshot emotion could not be read")
                .hasMessageEndingWith("first problem: train.txt:1: expected 2 fields separated by ',', one per name of"
                        + " header: in the rules file, but found 1; the line looks separated by ';' (delimiter: \";\")");
    }

    @Test
    void aHeaderRowThatLooksSeparatedByAnotherDelimiterMakesTheFileUnreadable() throws IOException {
        // the corpus with a header row "text;label": read as csv, the header is one column, and so would every row be
        Path train = folder.resolve("train.csv");
        Files.writeString(train, "text;label\n" + Corpora.text(Corpora.resource("emotion/train.txt")), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> profile(Map.of("train", train), ReadOptions.AS_WRITTEN, 0.01))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("1600 of 1600 rows of snapshot emotion could not be read (more than the allowed 1.0%); first"
                        + " problem: train.csv:1: expected columns separated by ',' but found one column named"
                        + " 'text;label'; the header looks separated by ';' (delimiter: \";\")");
        SnapshotProfile read = profile(Map.of("train", train), ReadOptions.AS_WRITTEN.withDelimiter(';'), 0);
        assertThat(read.rowsPerSplit()).isEqualTo(Map.of("train", 1600L));
        assertThat(read.reads().linesRead()).isEqualTo(1601);
    }

    @Test
    void aCsvReadAsTsvIsToldToUseTheComma() throws IOException {
        RecordedRead read = RecordedRead.of(Format.TSV.reader(), "id,text,label\n1,a,b\n".getBytes(StandardCharsets.UTF_8),
                "f.tsv", "all");
        assertThat(read.rows()).isEmpty();
        assertThat(read.problems()).containsExactly(new ReadProblem("f.tsv", 1, "delimiter", "expected columns separated by"
                + " '\\t' but found one column named 'id,text,label'; the header looks separated by ',' (delimiter: \",\")", 1));
        RecordedRead tabs = RecordedRead.of(Format.CSV.reader(NO_HEADER), "a\tb\nc\td\n".getBytes(StandardCharsets.UTF_8),
                "f.csv", "all");
        assertThat(tabs.problems()).extracting(ReadProblem::message).containsOnly("expected 2 fields separated by ',', one"
                + " per name of header: in the rules file, but found 1; the line looks separated by '\\t' (delimiter: \"\\t\")");
    }

    @Test
    void aDeclaredDelimiterIsTrustedForAOneColumnFile() throws IOException {
        // a one-column file whose header holds a ';' is read as written once the delimiter is declared
        RecordedRead read = RecordedRead.of(Format.CSV.reader(ReadOptions.AS_WRITTEN.withDelimiter(',')),
                "notes; remarks\nfine\n".getBytes(StandardCharsets.UTF_8), "f.csv", "all");
        assertThat(read.problems()).isEmpty();
        assertThat(read.rows()).singleElement().satisfies(row -> assertThat(row.text("notes; remarks")).isEqualTo("fine"));
    }

    @Test
    void anyCharacterCanSeparateFieldsAndQuoteThem() throws IOException {
        ReadOptions pipes = ReadOptions.AS_WRITTEN.withDelimiter('|').withQuote("'");
        RecordedRead read = RecordedRead.of(Format.CSV.reader(pipes), "a|b\n'x|y'|\"z\"\n".getBytes(StandardCharsets.UTF_8),
                "f.psv", "all");
        assertThat(read.rows()).singleElement().satisfies(row -> {
            assertThat(row.text("a")).isEqualTo("x|y");
            assertThat(row.text("b")).isEqualTo("\"z\"");
        });
        RecordedRead unquotedCsv = RecordedRead.of(Format.CSV.reader(ReadOptions.AS_WRITTEN.withQuote("none")),
                "a,b\n\"x,y\"\n".getBytes(StandardCharsets.UTF_8), "f.csv", "all");
        assertThat(unquotedCsv.rows()).singleElement().satisfies(row -> assertThat(row.text("a")).isEqualTo("\"x"));
    }
}
