package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.DatasetDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset key exact_values_limit: its default, its range, and the file:line: key: problem of a bad value. */
class ExactValuesLimitKeyTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    @Test
    void theLimitReachesTheDatasetDefinitionAndDefaultsToTwoMillion() throws IOException {
        Path file = RulesFiles.write(dir, START + "exact_values_limit: 50000\n");
        assertThat(new RulesFileLoader().load(file).dataset().exactValuesLimit()).isEqualTo(50_000);
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START)).dataset().exactValuesLimit())
                .isEqualTo(DatasetDefinition.DEFAULT_EXACT_VALUES_LIMIT).isEqualTo(2_000_000);
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START + "exact_values_limit: 0\n")).dataset()
                .exactValuesLimit()).isZero();
    }

    @Test
    void aBadLimitIsReportedAtItsLine() throws IOException {
        RulesFiles.assertRefused(dir, START + "exact_values_limit: -1\n",
                "3: exact_values_limit: expected a whole number of values from 0 to 100000000 but found -1");
        RulesFiles.assertRefused(dir, START + "exact_values_limit: 2.5\n",
                "3: exact_values_limit: expected a whole number of values from 0 to 100000000 but found 2.5");
        RulesFiles.assertRefused(dir, START + "exact_values_limit: lots\n",
                "3: exact_values_limit: expected a whole number of values from 0 to 100000000 but found 'lots'");
        RulesFiles.assertRefused(dir, START + "exact_values_limit: 100000001\n",
                "3: exact_values_limit: expected a whole number of values from 0 to 100000000 but found 100000001");
        Path file = RulesFiles.write(dir, START + "exact_values_limit: 2.5\n");
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage)
                .containsExactly(file + ":3: exact_values_limit: schema: number found, integer expected");
    }
}
