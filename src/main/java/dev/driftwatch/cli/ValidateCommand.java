package dev.driftwatch.cli;

import dev.driftwatch.engine.run.SnapshotColumns;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.spec.DatasetNames;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileException;
import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.spec.RulesSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code driftwatch validate}: checks rules files (or every {@code *.yaml} in a folder) against the published
 * JSON Schema and then by loading them; files that declare the same dataset are all rejected. With
 * {@code --snapshot}, also checks every column the files name (roles and rule keys) against that snapshot's header,
 * as {@code check} would. Each mistake prints as {@code file:line: key: problem}.
 */
@Command(name = "validate", description = "Check rules files. Exit 0: all valid; 2: a file has a mistake (file:line: key: problem).")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", description = "Rules files or folders of them.")
    List<Path> paths;

    @Option(names = "--snapshot", paramLabel = "PATH", description = "Also check the columns the files name against the header of this snapshot (a folder or a file).")
    Path snapshot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, List<String>> problems = new LinkedHashMap<>();
        List<RulesFile> loaded = new ArrayList<>();
        for (Path file : files()) {
            List<String> found = new ArrayList<>();
            problems.put(file, found);
            load(file, found).ifPresent(loaded::add);
        }
        DatasetNames.clashes(loaded).forEach((file, clash) -> problems.get(file).add(clash.getMessage()));
        if (snapshot != null) {
            loaded.stream().filter(file -> problems.get(file.file()).isEmpty())
                    .forEach(file -> problems.get(file.file()).addAll(columnProblems(file)));
        }
        int bad = 0;
        for (Map.Entry<Path, List<String>> file : problems.entrySet()) {
            if (file.getValue().isEmpty()) {
                RulesFile ok = loaded.stream().filter(f -> f.file().equals(file.getKey())).findFirst().orElseThrow();
                spec.commandLine().getOut().printf("%s: ok (dataset %s, %d rules%s)%n", file.getKey(), ok.dataset().name(),
                        ok.rules().size(), snapshot == null ? "" : ", every named column is in " + snapshot);
            } else {
                bad++;
                file.getValue().forEach(err::println);
            }
        }
        return bad == 0 ? DriftwatchCommand.PASSED : DriftwatchCommand.BAD_INPUT;
    }

    private java.util.Optional<RulesFile> load(Path file, List<String> found) throws IOException {
        List<RulesFileException> invalid = Files.isRegularFile(file)
                ? new RulesSchema().check(file, Files.readString(file, StandardCharsets.UTF_8)) : List.of();
        if (!invalid.isEmpty()) {
            invalid.forEach(problem -> found.add(problem.getMessage()));
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new RulesFileLoader().load(file));
        } catch (RulesFileException e) {
            found.add(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** The columns a file names that the snapshot lacks, or why the snapshot could not be read. */
    private List<String> columnProblems(RulesFile file) {
        try {
            Path at = snapshot.toAbsolutePath().normalize();
            Snapshot found = new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(file.dataset(), at)
                    .orElseThrow(() -> new SnapshotException("expected data files matching '"
                            + file.dataset().layout().glob() + "' in " + snapshot + " but found none"));
            Set<String> columns = SnapshotColumns.read(file.dataset(), found);
            return file.missingColumns(found, columns).stream().map(RulesFileException::getMessage).toList();
        } catch (SnapshotException e) {
            return List.of(file.file() + ": bad snapshot: " + e.getMessage());
        }
    }

    /** The files to check, each once (a file named and also in a named folder is not its own twin). */
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
        Set<Path> seen = new java.util.HashSet<>();
        return files.stream().filter(file -> seen.add(file.toAbsolutePath().normalize())).toList();
    }
}
