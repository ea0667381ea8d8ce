package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset keys header: and trim_values:, and the file:line: key: problem of each mistake in them. */
class HeaderKeysTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    private void assertRefused(String yaml, String problem) throws IOException {
        RulesFiles.assertRefused(dir, yaml, problem);
    }

    @Test
    void headerAndTrimValuesReachTheDatasetDefinition() throws IOException {
        Path file = RulesFiles.write(dir, START + "format: csv\nheader: [age, workclass, income]\ntrim_values: true\n"
                + "columns: {label: income, categorical: [workclass], missing_tokens: {\"*\": [\"?\"], workclass: [\"n/a\"]}}\n");
        assertThat(new RulesFileLoader().load(file).dataset().readOptions())
                .isEqualTo(new ReadOptions(List.of("age", "workclass", "income"), true));
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
    }

    @Test
    void withoutTheKeysFilesAreReadAsWritten() throws IOException {
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START)).dataset().readOptions()).isEqualTo(ReadOptions.AS_WRITTEN);
    }

    @Test
    void aHeaderThatIsNotAListIsReportedAtItsLine() throws IOException {
        assertRefused(START + "header: 5\n", "3: header: expected a list of column names, such as [age, workclass], but found 5");
        assertRefused(START + "header: age, workclass\n",
                "3: header: expected a list of column names, such as [age, workclass], but found the text 'age, workclass'");
        assertRefused(START + "header:\n", "3: header: expected a list of column names, such as [age, workclass], but found nothing");
    }

    @Test
    void aBadNameIsReportedAtItsOwnLine() throws IOException {
        assertRefused(START + "header:\n  - age\n  - {x: 1}\n", "5: header[1]: expected a column name but found {\"x\":1}");
        assertRefused(START + "header:\n  - age\n  - income\n  - age\n",
                "6: header[2]: expected unique column names but 'age' is named twice");
        assertRefused(START + "header: []\n", "3: header: expected at least one column name but found an empty list");
    }

    @Test
    void trimValuesIsTrueOrFalse() throws IOException {
        assertRefused(START + "trim_values: maybe\n", "3: trim_values: expected true or false but found 'maybe'");
        assertRefused(START + "trim_values: 1\n", "3: trim_values: expected true or false but found 1");
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START + "trim_values: false\n")).dataset().readOptions().trimValues())
                .isFalse();
    }

    @Test
    void jsonFormatsRefuseTheKeys() throws IOException {
        assertRefused(START + "format: jsonl\nheader: [a, b]\n",
                "4: header: expected format csv or tsv but found jsonl (a JSON object names its own keys)");
        assertRefused(START + "format: json\ntrim_values: true\n",
                "4: trim_values: expected format csv or tsv but found json (JSON values are read as written)");
    }

    @Test
    void aColumnNamedOutsideTheHeaderIsReportedAtItsKey() throws IOException {
        assertRefused(START + "header: [age, income]\ncolumns:\n  label: incme\n",
                "5: columns.label: expected one of the names in header: but found 'incme'");
        assertRefused(START + "header: [age, income]\ncolumns:\n  numeric:\n    - age\n    - hours\n",
                "7: columns.numeric[1]: expected one of the names in header: but found 'hours'");
        assertRefused(START + "header: [age, income]\ncolumns:\n  missing_tokens: {Age: [\"?\"]}\n",
                "5: columns.missing_tokens: expected one of the names in header: but found 'Age'");
    }

    @Test
    void theSchemaChecksTheKeysToo() throws IOException {
        Path file = RulesFiles.write(dir, START + "header: 5\ntrim_values: yes please\n");
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage).containsExactly(
                file + ":3: header: schema: integer found, array expected",
                file + ":4: trim_values: schema: string found, boolean expected");
    }
}
