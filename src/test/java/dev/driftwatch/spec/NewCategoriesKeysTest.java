package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.categories.NewCategoriesRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of kind: new_categories in a rules file, and the file:line: key: problem of each mistake. */
class NewCategoriesKeysTest {
    private static final String START = "dataset: d\nsource: s\nrules:\n  - name: cats\n    kind: new_categories\n";

    @TempDir
    Path dir;

    private void assertRefused(String keys, String problem) throws IOException {
        RulesFiles.assertRefused(dir, START + keys, problem);
    }

    @Test
    void everyKeyReachesTheRule() throws IOException {
        Path file = RulesFiles.write(dir, START + "    severity: warn\n    columns: [native-country, income]\n    max_new_share: 0.01\n"
                + "    min_count: 2\n    disappeared: true\n    max_disappeared_share: 0.001\n    max_evidence: 3\n");
        assertThat(new RulesFileLoader().load(file).rules()).singleElement().isEqualTo(new NewCategoriesRule("cats",
                Severity.WARN, List.of("native-country", "income"), 0.01, 2, true, 0.001, 3));
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
    }

    @Test
    void withoutKeysEveryNewValueFails() throws IOException {
        assertThat(new RulesFileLoader().load(RulesFiles.write(dir, START)).rules()).singleElement()
                .isEqualTo(new NewCategoriesRule("cats", Severity.ERROR, List.of(), 0, 1, false, 0, 10));
    }

    @Test
    void badValuesAreReportedAtTheirKey() throws IOException {
        assertRefused("    max_new_share: 1.5\n", "6: rules[0].max_new_share: expected a share between 0 and 1 but found 1.5");
        assertRefused("    min_count: 0\n", "6: rules[0].min_count: expected 1 or more but found 0");
        assertRefused("    max_disappeared_share: -0.1\n",
                "6: rules[0].max_disappeared_share: expected a share between 0 and 1 but found -0.1");
        assertRefused("    max_evidence: -1\n", "6: rules[0].max_evidence: expected 0 or more but found -1");
        assertRefused("    max_new_shares: 0.1\n", "6: rules[0].max_new_shares: unknown key 'max_new_shares'; expected one of"
                + " [columns, disappeared, max_disappeared_share, max_evidence, max_new_share, min_count, name, severity]");
    }

    @Test
    void theSchemaNamesAMisspelledKeyAtItsLine() throws IOException {
        Path file = RulesFiles.write(dir, START + "    max_new_shares: 0.1\n    disappeared: sometimes\n");
        assertThat(new RulesSchema().check(file, Files.readString(file))).extracting(Throwable::getMessage).containsExactlyInAnyOrder(
                file + ":6: rules[0].max_new_shares: schema: property 'max_new_shares' is not defined in the schema and the"
                        + " schema does not allow additional properties",
                file + ":7: rules[0].disappeared: schema: string found, boolean expected");
    }
}
