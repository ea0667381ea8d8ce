package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"check", "gate", "validate", "bench"})
    void everySubcommandPrintsItsUsageWithHelpEvenWithoutItsRequiredOptions(String command) {
        CommandRun run = CommandRun.of(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: driftwatch " + command).contains("-h, --help");
        assertThat(run.err()).isEmpty();
    }
}
