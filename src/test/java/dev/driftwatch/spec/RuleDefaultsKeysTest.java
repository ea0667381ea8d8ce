package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.rule.MissingValuesRule;
import dev.driftwatch.engine.rule.table.ClassBalanceRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults the README states for missing_values and class_balance, as the loader applies them. */
class RuleDefaultsKeysTest {
    private static final String START = "dataset: d\nsource: s\nrules:\n";

    @TempDir
    Path dir;

    @Test
    void missingValuesWithoutColumnsChecksEveryColumnAndTakesMaxEvidence() throws IOException {
        Path file = RulesFiles.write(dir, START + "  - {name: m, kind: missing_values}\n"
                + "  - {name: n, kind: missing_values, columns: [a], tokens: ['?'], max_evidence: 3}\n");
        var rules = new RulesFileLoader().load(file).rules();
        assertThat(rules.get(0)).isEqualTo(new MissingValuesRule("m", dev.driftwatch.engine.rule.Severity.ERROR,
                List.of("*"), List.of(), 0.0, null, 10));
        assertThat(((MissingValuesRule) rules.get(1)).maxEvidence()).isEqualTo(3);
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
    }

    @Test
    void anEmptyColumnsListIsRefused() throws IOException {
        RulesFiles.assertRefused(dir, START + "  - name: m\n    kind: missing_values\n    columns: []\n",
                "6: rules[0].columns: expected at least one column (leave the key out for every column) but found none");
    }

    @Test
    void classBalanceTakesMaxEvidence() throws IOException {
        Path file = RulesFiles.write(dir, START + "  - {name: b, kind: class_balance, max_evidence: 2}\n");
        assertThat(((ClassBalanceRule) new RulesFileLoader().load(file).rules().get(0)).maxEvidence()).isEqualTo(2);
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
    }
}
