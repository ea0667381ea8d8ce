package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Declared numeric columns keep their exact values per split while they number at most exact_values_limit,
 * sorted, whatever the thread count; merges concatenate them within the limit and drop them beyond; the codec
 * keeps them, compactly for repeated values. Expected values are recounted from the files in the tests.
 */
class ExactValuesTest {
    private static final ColumnRoles PIMA = new ColumnRoles(null, List.of(), "Outcome", null, List.of("BMI", "Age"),
            List.of(), List.of(), List.of(), Map.of());
    private static final ColumnRoles GENERATED = new ColumnRoles("id", List.of("title"), null, "tags", List.of("amount"),
            List.of("country"), List.of(), List.of(), Map.of("amount", List.of("n/a")));

    private static SnapshotProfile profile(List<Row> rows, ColumnRoles roles, int threads, long limit) {
        return new Profiler(threads).profile(rows, ProfileRequest.builder(roles).exactValuesLimit(limit).build(), null);
    }

    private static double[] values(SnapshotProfile profile, String split, String column) {
        SortedNumbers numbers = profile.split(split).orElseThrow().column(column).orElseThrow().numeric()
                .exactValues().orElseThrow();
        double[] values = new double[(int) numbers.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = numbers.valueAt(i);
        }
        return values;
    }

    /** The BMI column of Pima's diabetes.csv, parsed here with String.split and Double.parseDouble. */
    private static double[] pimaBmi() throws IOException {
        List<String> lines = Files.readAllLines(TestSnapshots.resource("datasets/pima/diabetes.csv"));
        int bmi = Arrays.asList(lines.get(0).split(",")).indexOf("BMI");
        return lines.stream().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[bmi])).sorted().toArray();
    }

    @Test
    void aDeclaredNumericColumnKeepsEveryValueInAscendingOrder() throws IOException {
        SnapshotProfile profile = TestSnapshots.profile(TestSnapshots.resource("datasets/pima/diabetes.csv"), PIMA, 2);
        ColumnProfile bmi = profile.split("all").orElseThrow().column("BMI").orElseThrow();

        assertThat(values(profile, "all", "BMI")).containsExactly(pimaBmi());
        assertThat(bmi.numeric().exactValuesLimit()).hasValue(2_000_000);
        // Glucose is not declared numeric: it keeps its sketch only
        ColumnProfile glucose = profile.split("all").orElseThrow().column("Glucose").orElseThrow();
        assertThat(glucose.numeric().exactValues()).isEmpty();
        assertThat(glucose.numeric().exactValuesLimit()).isEmpty();
    }

    @Test
    void valuesBeyondTheLimitAreDroppedAndTheProfileIsTheSameWhateverTheThreadCount() {
        List<Row> rows = ProfileRows.generated(8_000, 11);
        long amounts = profile(rows, GENERATED, 1, 0).split("train").orElseThrow().column("amount").orElseThrow()
                .numeric().count();
        for (long limit : new long[] {amounts, amounts - 1, 5_000}) {
            SnapshotProfile two = profile(rows, GENERATED, 2, limit);
            byte[] one = ProfileCodec.toBytes(profile(rows, GENERATED, 1, limit));
            assertThat(ProfileCodec.toBytes(two)).as("limit %d", limit).isEqualTo(one);
            assertThat(ProfileCodec.toBytes(profile(rows, GENERATED, 3, limit))).as("limit %d", limit).isEqualTo(one);
            NumericSummary train = two.split("train").orElseThrow().column("amount").orElseThrow().numeric();
            assertThat(train.exactValues().isPresent()).as("limit %d of %d values", limit, amounts).isEqualTo(limit >= amounts);
            assertThat(train.count()).isEqualTo(amounts);
        }
    }

    @Test
    void lanesThatShareACountDropTheirValuesAsSoonAsTogetherTheyPassTheLimit() {
        var held = new java.util.concurrent.atomic.AtomicLong();
        var first = new ExactValues(10_000, held);
        var second = new ExactValues(10_000, held);
        var alone = new ExactValues(10_000, null);
        for (int i = 0; i < 9_000; i++) {
            first.add(i);
            second.add(-i);
            alone.add(i);
        }
        // each lane has 9,000 values, fewer than the limit, but together they reported 4 x 4,096 > 10,000
        assertThat(held.get()).isEqualTo(4 * ExactValues.CHUNK);
        assertThat(first.sortedValues()).isNull();
        assertThat(second.sortedValues()).isNull();
        assertThat(first.seen()).isEqualTo(9_000);
        assertThat(alone.sortedValues().count()).isEqualTo(9_000);
        first.merge(second);
        assertThat(first.sortedValues()).isNull();
        assertThat(first.seen()).isEqualTo(18_000);
    }

    /**
     * A lane sorts its values at the end of its pass; merging two sorted lanes then keeps them sorted by a linear merge.
     * Expected: the concatenation sorted here by Arrays.sort (which orders NaN last and -0.0 before 0.0).
     */
    @Test
    void lanesSortedBeforeTheyMergeGiveTheValuesOfOnePlainSort() {
        var random = new java.util.Random(42);
        double[] special = {Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0, 0.0, 1e-300};
        for (int trial = 0; trial < 200; trial++) {
            var first = new ExactValues(10_000, null);
            var second = new ExactValues(10_000, null);
            List<Double> all = new ArrayList<>();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                double x = random.nextInt(10) == 0 ? special[random.nextInt(special.length)] : random.nextInt(50) - 25;
                (random.nextBoolean() ? first : second).add(x);
                all.add(x + 0.0);
            }
            if (random.nextBoolean()) {
                first.sort();
            }
            if (random.nextBoolean()) {
                second.sort();
            }
            first.merge(second);

            double[] expected = all.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(expected);
            SortedNumbers merged = first.sortedValues();
            double[] actual = new double[(int) merged.count()];
            for (int i = 0; i < actual.length; i++) {
                actual[i] = merged.valueAt(i);
            }
            assertThat(actual).as("trial %d", trial).containsExactly(expected);
        }
    }

    @Test
    void mergesConcatenateWithinTheLimitAndDropBeyondIt() {
        List<Row> rows = ProfileRows.generated(6_000, 3);
        SnapshotProfile whole = profile(rows, GENERATED, 2, 10_000);
        SnapshotProfile merged = profile(rows.subList(0, 2_500), GENERATED, 2, 10_000)
                .merge(profile(rows.subList(2_500, rows.size()), GENERATED, 1, 10_000));
        assertThat(values(merged, "train", "amount")).containsExactly(values(whole, "train", "amount"));
        assertThat(values(merged, "test", "amount")).containsExactly(values(whole, "test", "amount"));

        long trainAmounts = whole.split("train").orElseThrow().column("amount").orElseThrow().numeric().count();
        long limit = trainAmounts - 1;
        SnapshotProfile tooMany = profile(rows.subList(0, 2_500), GENERATED, 2, limit)
                .merge(profile(rows.subList(2_500, rows.size()), GENERATED, 2, limit));
        assertThat(tooMany.split("train").orElseThrow().column("amount").orElseThrow().numeric().exactValues()).isEmpty();
        assertThat(tooMany.split("test").orElseThrow().column("amount").orElseThrow().numeric().exactValues()).isPresent();
    }

    @Test
    void theCodecKeepsTheValuesAndAProfileOfFormat2HasNone() throws IOException {
        SnapshotProfile profile = TestSnapshots.profile(TestSnapshots.resource("datasets/pima/diabetes.csv"), PIMA, 2);
        SnapshotProfile reloaded = ProfileCodec.fromBytes(ProfileCodec.toBytes(profile));
        assertThat(values(reloaded, "all", "BMI")).containsExactly(pimaBmi());
        assertThat(ProfileCodec.toBytes(reloaded)).isEqualTo(ProfileCodec.toBytes(profile));

        // written by the codec of format 2 (before exact values): Pima's first 20 rows, BMI and Age numeric
        byte[] stored;
        try (var in = getClass().getResourceAsStream("/profiles/format-2-pima.bin")) {
            stored = in.readAllBytes();
        }
        SnapshotProfile old = ProfileCodec.fromBytes(stored);
        NumericSummary bmi = old.split("all").orElseThrow().column("BMI").orElseThrow().numeric();
        assertThat(bmi.count()).isEqualTo(20);
        assertThat(bmi.exactValues()).isEmpty();
        assertThat(bmi.exactValuesLimit()).isEmpty();
        // merged with a profile that keeps its values, the result cannot claim exact values either
        SnapshotProfile merged = old.merge(profile);
        assertThat(merged.split("all").orElseThrow().column("BMI").orElseThrow().numeric().exactValues()).isEmpty();
    }

    @Test
    void manyRepeatedValuesAreStoredAsRuns() {
        // UCI Adult's capital-gain: 32,561 values of which 29,849 are 0 (awk -F', ' '$11 == 0' adult.data | wc -l)
        Path adult = SharedDatasets.resolve("uci-adult/adult.data");
        List<String> header = List.of("age", "workclass", "fnlwgt", "education", "education-num", "marital-status",
                "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week",
                "native-country", "income");
        List<Row> rows = new ArrayList<>();
        var names = new dev.driftwatch.engine.data.Header(header);
        try {
            int line = 0;
            for (String text : Files.readAllLines(adult)) {
                line++;
                String[] fields = text.split(", ");
                if (fields.length == header.size()) {
                    rows.add(new Row(names, fields, "train", "adult.data", line));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var roles = new ColumnRoles(null, List.of(), null, null, List.of("capital-gain"), List.of(), List.of(), List.of(), Map.of());
        SnapshotProfile kept = profile(rows, roles, 2, 2_000_000);
        SnapshotProfile sketchOnly = profile(rows, roles, 2, 0);
        SortedNumbers gains = kept.split("train").orElseThrow().column("capital-gain").orElseThrow().numeric()
                .exactValues().orElseThrow();
        assertThat(gains.count()).isEqualTo(32_561);
        assertThat(gains.atOrBelow(0)).isEqualTo(29_849);
        int runs = 0;
        for (var r = gains.runs(); r.next(); ) {
            runs++;
        }
        // 12 bytes a run of equal values (a double and a count), not 8 bytes a value
        int extra = ProfileCodec.toBytes(kept).length - ProfileCodec.toBytes(sketchOnly).length;
        assertThat(extra).isLessThan(12 * runs + 200).isLessThan(32_561);
    }
}
