package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.read.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** max_line_bytes:, max_columns: and max_decompressed_bytes:, for every format, with file:line: key errors. */
class ReadLimitKeysTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    private ReadLimits loaded(String yaml) throws IOException {
        return new RulesFileLoader().load(RulesFiles.write(dir, START + yaml)).dataset().readOptions().limits();
    }

    @Test
    void theKeysReachTheDatasetInEveryFormat() throws IOException {
        String keys = "max_line_bytes: 1024\nmax_columns: 50\nmax_decompressed_bytes: 10000000000\n";
        for (String format : new String[] {"csv", "tsv", "json", "jsonl"}) {
            Path file = RulesFiles.write(dir, START + "format: " + format + "\n" + keys);
            assertThat(new RulesFileLoader().load(file).dataset().readOptions().limits())
                    .isEqualTo(new ReadLimits(1024, 50, 10_000_000_000L));
            assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
        }
    }

    @Test
    void withoutTheKeysTheDefaultsHold() throws IOException {
        // 16 MiB = 16 * 1024 * 1024 bytes, 2 GiB = 2 * 1024^3 bytes
        assertThat(loaded("")).isEqualTo(new ReadLimits(16_777_216, 10_000, 2_147_483_648L)).isEqualTo(ReadLimits.DEFAULT);
    }

    @Test
    void eachLimitIsAWholeNumberOfAtLeastOne() throws IOException {
        RulesFiles.assertRefused(dir, START + "max_line_bytes: 0\n",
                "3: max_line_bytes: expected a whole number of bytes, at least 1, but found 0");
        RulesFiles.assertRefused(dir, START + "max_line_bytes: 3000000000\n",
                "3: max_line_bytes: expected a number of bytes from 1 to 2147483639 but found 3000000000");
        RulesFiles.assertRefused(dir, START + "max_columns: many\n",
                "3: max_columns: expected a whole number of columns, at least 1, but found 'many'");
        RulesFiles.assertRefused(dir, START + "max_columns: 3000000000\n",
                "3: max_columns: expected a whole number of columns, at least 1, but found 3000000000");
        RulesFiles.assertRefused(dir, START + "max_decompressed_bytes: 1.5\n",
                "3: max_decompressed_bytes: expected a whole number of bytes, at least 1, but found 1.5");
    }

    @Test
    void aDeclaredHeaderLongerThanTheColumnLimitIsRefused() throws IOException {
        RulesFiles.assertRefused(dir, START + "max_columns: 2\nheader: [a, b, c]\n",
                "4: header: expected at most 2 columns (max_columns) but found 3 names");
    }

    @Test
    void theSchemaChecksTheKeysToo() throws IOException {
        Path file = RulesFiles.write(dir, START + "max_line_bytes: 0\nmax_columns: x\nmax_decompressed_bytes: -1\n");
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage).containsExactly(
                file + ":3: max_line_bytes: schema: must have a minimum value of 1",
                file + ":4: max_columns: schema: string found, integer expected",
                file + ":5: max_decompressed_bytes: schema: must have a minimum value of 1");
    }
}
