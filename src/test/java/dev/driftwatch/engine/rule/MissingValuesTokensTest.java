package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.profile.ColumnProfile;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.run.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code missing_values} rule's {@code tokens} are its own: they change neither the profile nor another rule,
 * and a number token matches every spelling of the number. On the real Pima table (768 rows, a copy of
 * shared/datasets/pima-diabetes/diabetes.csv), whose expected counts are recounted below from the file's lines
 * (the same as {@code awk -F, 'NR>1 && $5==0' diabetes.csv | wc -l} -> 374 Insulin zeros, {@code $6==0} -> 11 BMI
 * zeros; in the first 256 rows, {@code NR<=257}, 132 Insulin zeros).
 */
class MissingValuesTokensTest {
    private static final Path PIMA = Path.of("src/test/resources/datasets/pima/diabetes.csv");
    private static final int INSULIN = 4;
    private static final int BMI = 5;

    @TempDir
    Path dir;

    private static List<String> lines() throws IOException {
        return Files.readAllLines(PIMA);
    }

    /** Data rows whose field is zero as written. */
    private static long zeros(List<String> lines, int field) {
        return lines.stream().skip(1).filter(line -> line.split(",")[field].equals("0")).count();
    }

    private RunReport run(String columns, String rules, Map<String, String> snapshot) {
        return RuleFixture.csv(dir, columns + "rules:\n" + rules).snapshot("s1", snapshot).run("s1");
    }

    @Test
    void aRuleWithoutTokensIsNotJudgedByAnotherRulesTokens() throws IOException {
        List<String> lines = lines();
        long insulinZeros = zeros(lines, INSULIN);
        assertThat(insulinZeros).isEqualTo(374);
        Map<String, String> data = Map.of("data.csv", Files.readString(PIMA));
        String withTokens = "  - {name: zeros-missing, kind: missing_values, columns: [Insulin], tokens: [\"0\"], max_ratio: 0.5}\n";
        String withoutTokens = "  - {name: none-missing, kind: missing_values, columns: [Insulin]}\n";

        // a third rule with the same columns and tokens shares the first one's counts, but judges by its own bound
        String stricter = "  - {name: stricter, kind: missing_values, columns: [Insulin], tokens: [\"0\"], max_ratio: 0.4}\n";
        RunReport both = run("", withTokens + withoutTokens + stricter, data);
        RuleResult strict = RuleFixture.of(both, "stricter").get(0);
        assertThat(strict.status()).isEqualTo(Status.FAIL);
        assertThat(strict.observed()).isEqualTo((double) insulinZeros / (lines.size() - 1));
        RuleResult zeros = RuleFixture.of(both, "zeros-missing").get(0);
        assertThat(zeros.status()).isEqualTo(Status.PASS);
        assertThat(zeros.observed()).isEqualTo((double) insulinZeros / (lines.size() - 1));
        assertThat(zeros.message()).isEqualTo("Insulin: 374 of 768 (48.7%) values missing in all (374 '0'); within the allowed 50.0%.");
        RuleResult none = RuleFixture.of(both, "none-missing").get(0);
        assertThat(none.status()).isEqualTo(Status.PASS);
        assertThat(none.observed()).isZero();
        assertThat(none.message()).isEqualTo("Insulin: 0 of 768 (0.0%) values missing in all; within the allowed 0.0%.");

        ColumnProfile insulin = both.profile().split("all").orElseThrow().column("Insulin").orElseThrow();
        assertThat(insulin.missing()).isZero();
        assertThat(insulin.numeric().zeros()).isEqualTo(insulinZeros);
        byte[] profile = ProfileCodec.toBytes(both.profile());
        assertThat(ProfileCodec.toBytes(run("", withoutTokens, data).profile())).isEqualTo(profile);
        assertThat(ProfileCodec.toBytes(run("", "  - {name: rows, kind: row_count, min: 1}\n", data).profile())).isEqualTo(profile);
    }

    @Test
    void aRuleWithTokensComparesWithTheReferenceCountedItsWay() throws IOException {
        List<String> lines = lines();
        long allZeros = zeros(lines, INSULIN);
        long firstZeros = zeros(lines.subList(0, 257), INSULIN);
        assertThat(firstZeros).isEqualTo(132);
        var fixture = RuleFixture.csv(dir, "columns: {numeric: [Insulin]}\nrules:\n"
                        + "  - {name: m, kind: missing_values, columns: [Insulin], tokens: [\"0\"], max_ratio: 1, max_increase: 0.01}\n")
                .snapshot("all", Map.of("data.csv", Files.readString(PIMA)))
                .snapshot("first", Map.of("data.csv", String.join("\n", lines.subList(0, 257)) + "\n"));
        // the stored reference does not count the rule's token: its 374 zeros come from its numbers' zero count
        RuleResult rise = RuleFixture.of(fixture.run("first", "all"), "m").get(0);
        assertThat(rise.status()).isEqualTo(Status.FAIL);
        assertThat(rise.observed()).isEqualTo((double) firstZeros / 256 - (double) allZeros / 768);
        assertThat(rise.message()).isEqualTo("Insulin: 132 of 256 (51.6%) values missing in all (132 '0'); up from 48.7% in"
                + " the reference, a rise of more than 1.0%.");
        assertThat(rise.evidence()).hasSize(10).allSatisfy(e -> assertThat(e.values()).containsEntry("Insulin", "0"));
        RuleResult fall = RuleFixture.of(fixture.run("all", "first"), "m").get(0);
        assertThat(fall.status()).isEqualTo(Status.PASS);
    }

    @Test
    void rowsWithoutTheProfilesTypesCountTheSame() throws IOException {
        // a row check fed without a profile (a runner that profiles elsewhere) finds the missing values itself: the
        // dataset's token "?" (written into Insulin's first 40 zeros), blanks (the next 20) and the rule's "0" (the
        // remaining 374 - 60 = 314 zeros, recounted as in the class comment)
        List<String> lines = lines();
        long insulinZeros = zeros(lines, INSULIN);
        var rules = RuleFixture.csv(dir, "columns: {numeric: [Insulin], missing_tokens: {Insulin: [\"?\"]}}\nrules:\n"
                + "  - {name: m, kind: missing_values, columns: [Insulin], tokens: [\"0\"], max_ratio: 1}\n").rules();
        var counts = new MissingValueCounts(new MissingValueCounts.Key(List.of("Insulin"), Set.of("0"), 3),
                rules.dataset().columns());
        var header = new Header(List.of(lines.get(0).split(",")));
        int zerosSeen = 0;
        for (int i = 1; i < lines.size(); i++) {
            Object[] fields = lines.get(i).split(",", -1);
            if (fields[INSULIN].equals("0") && zerosSeen++ < 60) {
                fields[INSULIN] = zerosSeen <= 40 ? "?" : " ";
            }
            counts.accept(new Row(header, fields, "all", "diabetes.csv", i + 1L));
        }
        MissingValueCounts.Cell cell = counts.of("all", "Insulin");
        assertThat(cell.tokenHits).containsExactly(Map.entry("0", insulinZeros - 60));
        assertThat(cell.examples).extracting(e -> e.values().get("Insulin")).containsExactly("?", "?", "?");
    }

    @Test
    void aNumberTokenMatchesEverySpellingOfTheNumber() throws IOException {
        List<String> lines = lines();
        long bmiZeros = zeros(lines, BMI);
        assertThat(bmiZeros).isEqualTo(11);
        List<String> spellings = List.of("0.0", "0.00", "-0", "+0.0");
        List<String> written = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields[BMI].equals("0")) {
                fields[BMI] = spellings.get(written.size() % spellings.size());
            }
            written.add(String.join(",", fields));
        }
        Map<String, String> data = Map.of("data.csv", String.join("\n", written) + "\n");
        assertThat(zeros(written, BMI)).isZero();

        String rule = "  - {name: bmi, kind: missing_values, columns: [BMI], tokens: [\"0\"], max_ratio: 0.01}\n";
        for (String roles : List.of("", "columns: {numeric: [BMI]}\n")) {
            RuleResult result = RuleFixture.of(run(roles, rule, data), "bmi").get(0);
            assertThat(result.observed()).as(roles).isEqualTo(bmiZeros / 768.0);
            assertThat(result.message()).as(roles).isEqualTo(
                    "BMI: 11 of 768 (1.4%) values missing in all (11 '0'); at most 1.0% allowed.");
            assertThat(result.evidence()).as(roles).extracting(e -> e.values().get("BMI"))
                    .containsOnly("0.0", "0.00", "-0", "+0.0");
        }
        // declared as the dataset's token, the profile counts them: missing, and not among the numbers
        RunReport declared = run("columns: {missing_tokens: {BMI: [\"0\"]}}\n", rule, data);
        ColumnProfile bmi = declared.profile().split("all").orElseThrow().column("BMI").orElseThrow();
        assertThat(bmi.missingByReason()).containsExactly(Map.entry("token:0", bmiZeros));
        assertThat(bmi.numeric().zeros()).isZero();
        assertThat(RuleFixture.of(declared, "bmi").get(0).observed()).isEqualTo(bmiZeros / 768.0);
        // a categorical column compares as text: "0.0" is not the token "0"
        RuleResult categorical = RuleFixture.of(run("columns: {categorical: [BMI]}\n", rule, data), "bmi").get(0);
        assertThat(categorical.observed()).isZero();
    }

    @Test
    void withoutColumnsEveryColumnIsChecked() throws IOException {
        List<String> lines = lines();
        RunReport run = run("", "  - {name: m, kind: missing_values, tokens: [\"0\"], max_ratio: 1}\n",
                Map.of("data.csv", Files.readString(PIMA)));
        List<RuleResult> results = RuleFixture.of(run, "m");
        assertThat(results).extracting(RuleResult::column).containsExactly(lines.get(0).split(","));
        for (int field = 0; field < 9; field++) {
            assertThat(results.get(field).observed()).as(results.get(field).column()).isEqualTo(zeros(lines, field) / 768.0);
        }
    }
}
