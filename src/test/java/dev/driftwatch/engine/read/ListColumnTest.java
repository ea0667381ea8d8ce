package dev.driftwatch.engine.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A csv/tsv column of lists written as one string: items stripped, empty items dropped, blank values kept. */
class ListColumnTest {
    private final ListColumn tags = new ListColumn("tags", "|");

    @Test
    void aValueSplitsIntoItsItems() {
        assertThat(tags.split("tag_001|tag_262")).isEqualTo(List.of("tag_001", "tag_262"));
        assertThat(tags.split(" a | |b|")).isEqualTo(List.of("a", "b"));
        assertThat(tags.split("solo")).isEqualTo(List.of("solo"));
        assertThat(tags.split("|")).isEqualTo(List.of());
        assertThat(new ListColumn("tags", "; ").split("a; b;c")).isEqualTo(List.of("a", "b;c"));
    }

    @Test
    void anEmptyOrBlankValueStaysAsWrittenSoItCountsAsMissing() {
        assertThat(tags.split("")).isEqualTo("");
        assertThat(tags.split("  ")).isEqualTo("  ");
    }

    @Test
    void theReaderSplitsOnlyTheListColumnAfterTrimming() throws IOException {
        ReadOptions options = new ReadOptions(null, true).withListColumn(tags);
        RecordedRead read = RecordedRead.of(Format.CSV.reader(options),
                "id,title,tags\n1,a|b, x|y \n2,c,\n".getBytes(StandardCharsets.UTF_8), "f.csv", "all");
        assertThat(read.rows()).extracting(row -> row.get("tags")).containsExactly(List.of("x", "y"), "");
        assertThat(read.rows()).extracting(row -> row.get("title")).containsExactly("a|b", "c");
        assertThat(read.rows().get(0).labels("tags")).containsExactly("x", "y");
    }
}
