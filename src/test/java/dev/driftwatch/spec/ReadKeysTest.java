package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.read.FieldLimits;
import dev.driftwatch.engine.read.ListColumn;
import dev.driftwatch.engine.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The csv/tsv reading keys delimiter:, quote:, list_separator:, max_field_lines: and max_field_bytes:, and the
 * file:line: key: problem of each mistake in them.
 */
class ReadKeysTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    private void assertRefused(String yaml, String problem) throws IOException {
        RulesFiles.assertRefused(dir, yaml, problem);
    }

    private ReadOptions loaded(String yaml) throws IOException {
        return new RulesFileLoader().load(RulesFiles.write(dir, START + yaml)).dataset().readOptions();
    }

    @Test
    void theKeysReachTheDatasetDefinition() throws IOException {
        Path file = RulesFiles.write(dir, START + "format: tsv\ndelimiter: \";\"\nquote: \"'\"\nlist_separator: \"|\"\n"
                + "max_field_lines: 10\nmax_field_bytes: 4096\ncolumns: {tags: topics}\n");
        assertThat(new RulesFileLoader().load(file).dataset().readOptions()).isEqualTo(new ReadOptions(null, false, ';', "'",
                new ListColumn("topics", "|"), new FieldLimits(10, 4096)));
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
    }

    @Test
    void withoutTheKeysEachFormatKeepsItsOwnDelimiterAndQuote() throws IOException {
        assertThat(loaded("")).isEqualTo(new ReadOptions(null, false, null, null, null, FieldLimits.DEFAULT));
        assertThat(FieldLimits.DEFAULT).isEqualTo(new FieldLimits(100, 1_048_576));
        assertThat(loaded("delimiter: \"\\t\"\nquote: none\n")).isEqualTo(new ReadOptions(null, false, '\t', "none", null, null));
    }

    @Test
    void aDelimiterIsOneCharacter() throws IOException {
        assertRefused(START + "delimiter: \";;\"\n", "3: delimiter: expected one character, such as \";\" or \"\\t\", but found ';;'");
        assertRefused(START + "delimiter: 5\n", "3: delimiter: expected one character, such as \";\" or \"\\t\", but found 5");
        assertRefused(START + "delimiter: '\\t'\n", "3: delimiter: expected one character, such as \";\" or \"\\t\", but found"
                + " '\\t' (a backslash and a t: write \"\\t\" in double quotes for a tab)");
        assertRefused(START + "delimiter: \"\\n\"\n", "3: delimiter: expected a character such as \";\" or \"\\t\" but found '\\n'");
    }

    @Test
    void aQuoteIsOneCharacterOrNoneAndNotTheDelimiter() throws IOException {
        assertRefused(START + "quote: ab\n", "3: quote: expected one character, such as '\"', or none but found 'ab'");
        assertRefused(START + "delimiter: \";\"\nquote: \";\"\n",
                "4: quote: expected a character other than the delimiter ';' but found ';'");
        assertRefused(START + "format: csv\ndelimiter: '\"'\n", "4: delimiter: expected a character other than the quote '\"'"
                + " but found '\"'; declare quote: with another character, or none");
        assertThat(loaded("format: csv\ndelimiter: '\"'\nquote: none\n").delimiter()).isEqualTo('"');
    }

    @Test
    void aListSeparatorNeedsATagsColumn() throws IOException {
        assertRefused(START + "list_separator: \"|\"\n",
                "3: list_separator: expected a tags column to split (columns: tags:) but found none");
        assertRefused(START + "list_separator: \"\"\ncolumns: {tags: t}\n",
                "3: list_separator: expected a separator such as \"|\" but found ''");
    }

    @Test
    void theFieldLimitsAreWholeNumbersOfAtLeastOne() throws IOException {
        assertRefused(START + "max_field_lines: 0\n", "3: max_field_lines: expected a whole number of lines, at least 1, but found 0");
        assertRefused(START + "max_field_lines: lots\n",
                "3: max_field_lines: expected a whole number of lines, at least 1, but found 'lots'");
        assertRefused(START + "max_field_bytes: 1.5\n", "3: max_field_bytes: expected a whole number of bytes, at least 1, but found 1.5");
    }

    @Test
    void jsonFormatsRefuseTheKeys() throws IOException {
        assertRefused(START + "format: jsonl\ndelimiter: \";\"\n",
                "4: delimiter: expected format csv or tsv but found jsonl (JSON has no delimiter to choose)");
        assertRefused(START + "format: json\nquote: none\n", "4: quote: expected format csv or tsv but found json (JSON has no quote to choose)");
        assertRefused(START + "format: json\nlist_separator: \"|\"\ncolumns: {tags: tags}\n",
                "4: list_separator: expected format csv or tsv but found json (a JSON array is a list already)");
        assertRefused(START + "format: jsonl\nmax_field_lines: 5\n",
                "4: max_field_lines: expected format csv or tsv but found jsonl (JSON values are read as written)");
        assertRefused(START + "format: jsonl\nmax_field_bytes: 5\n",
                "4: max_field_bytes: expected format csv or tsv but found jsonl (JSON values are read as written)");
    }

    @Test
    void theSchemaChecksTheKeysToo() throws IOException {
        Path file = RulesFiles.write(dir, START + "delimiter: \";;\"\nquote: 5\nlist_separator: \"\"\nmax_field_lines: 0\n"
                + "max_field_bytes: many\n");
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage).containsExactly(
                file + ":3: delimiter: schema: must be at most 1 characters long",
                file + ":4: quote: schema: must be the constant value 'none'",
                file + ":4: quote: schema: integer found, string expected",
                file + ":5: list_separator: schema: must be at least 1 characters long",
                file + ":6: max_field_lines: schema: must have a minimum value of 1",
                file + ":7: max_field_bytes: schema: string found, integer expected");
    }
}
