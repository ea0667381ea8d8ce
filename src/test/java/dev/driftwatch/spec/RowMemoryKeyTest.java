package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset key row_memory: its default, its minimum, and the file:line: key: problem of a bad value. */
class RowMemoryKeyTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    @Test
    void theBudgetReachesTheDatasetDefinitionAndDefaultsToSixteenMebibytes() throws IOException {
        Path file = RulesFiles.write(dir, START + "row_memory: 65536\n");
        assertThat(new RulesFileLoader().load(file).dataset().rowMemory()).isEqualTo(65_536);
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START)).dataset().rowMemory())
                .isEqualTo(DatasetDefinition.DEFAULT_ROW_MEMORY).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void aBadBudgetIsReportedAtItsLine() throws IOException {
        RulesFiles.assertRefused(dir, START + "row_memory: 1000\n",
                "3: row_memory: expected a whole number of bytes of at least 65536 but found 1000");
        RulesFiles.assertRefused(dir, START + "row_memory: 16MiB\n",
                "3: row_memory: expected a whole number of bytes of at least 65536 but found '16MiB'");
        Path file = RulesFiles.write(dir, START + "row_memory: 1000\n");
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage)
                .containsExactly(file + ":3: row_memory: schema: must have a minimum value of 65536");
    }
}
