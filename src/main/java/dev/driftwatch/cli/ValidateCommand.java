package dev.driftwatch.cli;

import dev.driftwatch.spec.RulesFileException;
import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.spec.RulesSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code driftwatch validate}: checks rules files (or every {@code *.yaml} in a folder) against the published
 * JSON Schema and then by loading them, without reading data. Each mistake prints as {@code file:line: key: problem}.
 */
@Command(name = "validate", description = "Check rules files. Exit 0: all valid; 2: a file has a mistake (file:line: key: problem).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", description = "Rules files or folders of them.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var loader = new RulesFileLoader();
        var schema = new RulesSchema();
        int bad = 0;
        for (Path file : files()) {
            List<RulesFileException> problems = Files.isRegularFile(file)
                    ? schema.check(file, Files.readString(file, java.nio.charset.StandardCharsets.UTF_8)) : List.of();
            if (!problems.isEmpty()) {
                bad++;
                problems.forEach(problem -> spec.commandLine().getErr().println(problem.getMessage()));
                continue;
            }
            try {
                var loaded = loader.load(file);
                spec.commandLine().getOut().printf("%s: ok (dataset %s, %d rules)%n", file, loaded.dataset().name(),
                        loaded.rules().size());
            } catch (RulesFileException e) {
                bad++;
                spec.commandLine().getErr().println(e.getMessage());
            }
        }
        return bad == 0 ? DriftwatchCommand.PASSED : DriftwatchCommand.BAD_INPUT;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> list = Files.list(path)) {
                    list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }
}
