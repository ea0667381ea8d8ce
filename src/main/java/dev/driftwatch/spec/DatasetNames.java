package dev.driftwatch.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rules files that declare the same dataset: one dataset name has one rules file, so each file of such a group
 * is a mistake at its {@code dataset:} key, naming the others. Stateless.
 */
public final class DatasetNames {
    private DatasetNames() {
    }

    /** The mistake of each file whose dataset another of {@code files} declares too, in the order of {@code files}. */
    public static Map<Path, RulesFileException> clashes(List<RulesFile> files) {
        Map<String, List<RulesFile>> byName = files.stream()
                .collect(Collectors.groupingBy(file -> file.dataset().name(), LinkedHashMap::new, Collectors.toList()));
        Map<Path, RulesFileException> clashes = new LinkedHashMap<>();
        for (RulesFile file : files) {
            List<Path> others = new ArrayList<>();
            byName.get(file.dataset().name()).stream().filter(other -> other != file).forEach(other -> others.add(other.file()));
            if (!others.isEmpty()) {
                clashes.put(file.file(), clash(file, others));
            }
        }
        return clashes;
    }

    /** "a.yaml:1: dataset: expected a dataset name no other rules file declares but 'pima' is also declared in b.yaml". */
    public static RulesFileException clash(RulesFile file, List<Path> others) {
        return new RulesFileException(file.file(), file.datasetLine(), "dataset",
                "expected a dataset name no other rules file declares but '" + file.dataset().name()
                        + "' is also declared in " + others.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }
}
