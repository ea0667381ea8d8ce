package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rules files written for a test, and what the loader makes of them. */
final class RulesFiles {
    private RulesFiles() {
    }

    /** Writes {@code rules.yaml} in a folder. */
    static Path write(Path dir, String text) throws IOException {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, text);
        return file;
    }

    /** Asserts that the loader refuses the text with exactly {@code <file>:<problem>}. */
    static void assertRefused(Path dir, String text, String problem) throws IOException {
        Path file = write(dir, text);
        assertThatThrownBy(() -> new RulesFileLoader().load(file)).isInstanceOf(RulesFileException.class)
                .hasMessage(file + ":" + problem);
    }
}
