package dev.driftwatch.app.alert;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * An external program a test needs (prometheus, promtool, prometheus-alertmanager). Under {@code CI=true}
 * a missing program fails the test; elsewhere the test is skipped with the reason.
 */
public record RequiredTool(String name) {
    /** The program's path: on the PATH, or in /usr/bin, /usr/local/bin. */
    public Path path() {
        Optional<Path> found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/local/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String reason = "expected the program " + name + " on the PATH but found none (.ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return found.get();
    }
}
