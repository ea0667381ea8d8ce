package dev.driftwatch.engine.rule.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleFixture;
import dev.driftwatch.engine.rule.RuleResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code type_consistency} shows as evidence the first rows whose value does not fit its column: the same rows whether
 * it types the values itself or takes the types the profile inferred (kept in the rows when other row checks derive
 * from them), and never a value the profile counts as missing (blank, or one of the dataset's missing tokens).
 */
class TypeExamplesTest {
    private static final int ROWS = 3000;
    private static final String COLUMNS = """
            columns: {id: id, numeric: [x], timestamps: [d], missing_tokens: {x: ["N/A"]}}
            splits: {by: column, column: split}
            rules:
              - {name: types, kind: type_consistency, columns: [x, d, absent], max_evidence: 40}
            """;

    @TempDir
    Path alone;
    @TempDir
    Path derived;

    @Test
    void theEvidenceIsTheFirstRowsThatDoNotFitWhetherTheProfileTypedThemOrNot() {
        String csv = csv(new Random(5));
        // with duplicate_rows the pass attaches derivations, and the profile keeps each value's type in its row
        RuleFixture withoutTypes = RuleFixture.csv(alone, COLUMNS).snapshot("s1", Map.of("data.csv", csv));
        RuleFixture withTypes = RuleFixture.csv(derived, COLUMNS + "  - {name: copies, kind: duplicate_rows}\n")
                .snapshot("s1", Map.of("data.csv", csv));

        Map<String, List<String>> typedHere = evidence(RuleFixture.of(withoutTypes.run("s1"), "types"));
        Map<String, List<String>> typedByProfile = evidence(RuleFixture.of(withTypes.run("s1"), "types"));

        Map<String, List<String>> recounted = recount(csv);
        assertThat(typedHere).isEqualTo(recounted);
        assertThat(typedByProfile).isEqualTo(recounted);
        assertThat(recounted.get("x train")).hasSize(40);
        assertThat(recounted.get("d test")).isNotEmpty();
    }

    /** Integers in x (some words, some N/A, some blank), dates in d (some words), in two splits. */
    private static String csv(Random random) {
        StringBuilder csv = new StringBuilder("id,x,d,split\n");
        for (int i = 0; i < ROWS; i++) {
            int roll = random.nextInt(40);
            String x = roll == 0 ? "many" : roll == 1 ? "N/A" : roll == 2 ? " " : Integer.toString(random.nextInt(90));
            String d = random.nextInt(50) == 0 ? "soon" : "2026-11-" + (10 + random.nextInt(19));
            csv.append("r").append(i).append(',').append(x).append(',').append(d).append(',')
                    .append(random.nextInt(3) == 0 ? "test" : "train").append('\n');
        }
        return csv.toString();
    }

    /** The first 40 rows per column and split holding a word (the values written as words), by a plain scan. */
    private static Map<String, List<String>> recount(String csv) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        csv.lines().skip(1).map(line -> line.split(",", -1)).forEach(f -> {
            if (f[1].equals("many")) {
                rows.computeIfAbsent("x " + f[3], k -> new ArrayList<>()).add(f[0]);
            }
            if (f[2].equals("soon")) {
                rows.computeIfAbsent("d " + f[3], k -> new ArrayList<>()).add(f[0]);
            }
        });
        rows.replaceAll((key, ids) -> ids.subList(0, Math.min(40, ids.size())));
        return rows;
    }

    private static Map<String, List<String>> evidence(List<RuleResult> results) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (RuleResult result : results) {
            List<String> ids = result.evidence().stream().map(Evidence::id).toList();
            if (!ids.isEmpty()) {
                rows.put(result.column() + " " + result.split(), ids);
            }
        }
        return rows;
    }
}
