package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.dataset.ColumnRoles;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON summary is valid JSON with the figures of the profile; a figure that may come from a sketch is an object
 * {value, exact, lower, upper} whose bounds hold the true figure (from Python over the same file).
 */
class ProfileJsonTest {
    @Test
    void theSummaryOfTheRealPimaProfileIsValidJsonWithItsFigures() throws Exception {
        var roles = new ColumnRoles(null, List.of(), "Outcome", null, List.of(), List.of(), List.of(), List.of(),
                Map.of("Insulin", List.of("0")));
        SnapshotProfile profile = TestSnapshots.profile(TestSnapshots.resource("datasets/pima/diabetes.csv"), roles, 2);
        var out = new ByteArrayOutputStream();
        ProfileJson.write(profile, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.path("rows").asLong()).isEqualTo(768);
        JsonNode insulin = json.path("splits").path("all").path("columns").path("Insulin");
        assertThat(insulin.path("missingByReason").path("token:0").asLong()).isEqualTo(374);
        assertThat(insulin.path("numeric").path("count").asLong()).isEqualTo(394);
        assertThat(insulin.path("numeric").path("quantiles").has("p50")).isTrue();
        assertThat(insulin.path("numeric").path("histogram")).hasSize(20);
        assertThat(json.path("splits").path("all").path("labels").path("counts").path("0").path("value").asLong())
                .isEqualTo(500);
        assertThat(json.path("duplicates").path("duplicateRows").path("value").asLong()).isZero();
        assertThat(json.path("duplicates").path("duplicateRows").path("exact").asBoolean()).isTrue();
        // python: len(set(column)) -> Glucose 136; Insulin without its 374 zeros 185
        JsonNode columns = json.path("splits").path("all").path("columns");
        assertThat(exactFigure(columns.path("Glucose").path("distinct"))).isEqualTo(136);
        assertThat(exactFigure(insulin.path("distinct"))).isEqualTo(185);
    }

    private static long exactFigure(JsonNode figure) {
        assertThat(figure.path("exact").asBoolean()).as(figure.toString()).isTrue();
        assertThat(figure.path("lower").asLong()).isEqualTo(figure.path("value").asLong());
        assertThat(figure.path("upper").asLong()).isEqualTo(figure.path("value").asLong());
        return figure.path("value").asLong();
    }

    private static void holds(JsonNode figure, double truth) {
        assertThat(truth).as("%s holds %s", figure, truth)
                .isBetween(figure.path("lower").asDouble(), figure.path("upper").asDouble());
    }

    @Test
    void theSketchFiguresOfPimaBmiHoldTheirTrueValues() throws Exception {
        var roles = new ColumnRoles(null, List.of(), "Outcome", null, List.of(), List.of(), List.of(), List.of(),
                Map.of());
        SnapshotProfile profile = TestSnapshots.profile(TestSnapshots.resource("datasets/pima/diabetes.csv"), roles, 2);
        JsonNode bmi = new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(ProfileJson.tree(profile)))
                .path("splits").path("all").path("columns").path("BMI").path("numeric");
        // numpy.quantile(bmi, [.01, .05, .25, .5, .75, .95, .99]) (linear interpolation), between the sorted values
        // at floor and ceil of rank * (n - 1): the bounds are at most those values' bins (2.02% wide) apart
        double[] truths = {0.0, 21.8, 27.3, 32.0, 36.6, 44.394999999999996, 50.75900000000009};
        double[] floors = {0.0, 21.8, 27.3, 32.0, 36.6, 44.2, 50.0};
        double[] ceilings = {0.0, 21.8, 27.3, 32.0, 36.6, 44.5, 52.3};
        String[] names = {"p1", "p5", "p25", "p50", "p75", "p95", "p99"};
        for (int i = 0; i < names.length; i++) {
            JsonNode quantile = bmi.path("quantiles").path(names[i]);
            holds(quantile, truths[i]);
            assertThat(quantile.path("upper").asDouble() - quantile.path("lower").asDouble())
                    .as(names[i]).isLessThanOrEqualTo(ceilings[i] * 1.0203 - floors[i] / 1.0203);
        }
        assertThat(bmi.path("quantiles").path("p0").path("exact").asBoolean()).isTrue();
        assertThat(bmi.path("quantiles").path("p100").path("value").asDouble()).isEqualTo(67.1);
        // numpy.histogram(bmi, bins=20, range=(bmi.min(), bmi.max()))
        long[] buckets = {11, 0, 0, 0, 0, 15, 47, 109, 130, 138, 140, 84, 50, 28, 8, 4, 1, 2, 0, 1};
        for (int i = 0; i < buckets.length; i++) {
            holds(bmi.path("histogram").get(i).path("count"), buckets[i]);
        }
        // q1, q3 = numpy.quantile(bmi, [.25, .75]); ((bmi < q1 - 1.5 iqr) | (bmi > q3 + 1.5 iqr)).sum() -> 19
        holds(bmi.path("iqrOutliers"), 19);
    }

    @Test
    void theFiguresOfADeclaredNumericColumnAreExactFromTheValuesItKept() throws Exception {
        var roles = new ColumnRoles(null, List.of(), "Outcome", null, List.of("BMI"), List.of(), List.of(), List.of(),
                Map.of());
        SnapshotProfile profile = TestSnapshots.profile(TestSnapshots.resource("datasets/pima/diabetes.csv"), roles, 2);
        JsonNode bmi = new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(ProfileJson.tree(profile)))
                .path("splits").path("all").path("columns").path("BMI").path("numeric");
        // numpy.quantile(bmi, [.01, .05, .25, .5, .75, .95, .99]) (linear interpolation), printed with repr
        double[] truths = {0.0, 21.8, 27.3, 32.0, 36.6, 44.394999999999996, 50.75900000000009};
        String[] names = {"p1", "p5", "p25", "p50", "p75", "p95", "p99"};
        for (int i = 0; i < names.length; i++) {
            JsonNode quantile = bmi.path("quantiles").path(names[i]);
            assertThat(quantile.path("exact").asBoolean()).as(names[i]).isTrue();
            assertThat(quantile.path("value").asDouble()).as(names[i]).isEqualTo(truths[i]);
        }
        // numpy.histogram(bmi, bins=20, range=(bmi.min(), bmi.max()))
        long[] buckets = {11, 0, 0, 0, 0, 15, 47, 109, 130, 138, 140, 84, 50, 28, 8, 4, 1, 2, 0, 1};
        for (int i = 0; i < buckets.length; i++) {
            assertThat(exactFigure(bmi.path("histogram").get(i).path("count"))).as("bucket %d", i).isEqualTo(buckets[i]);
        }
        // q1, q3 = numpy.quantile(bmi, [.25, .75]); ((bmi < q1 - 1.5 iqr) | (bmi > q3 + 1.5 iqr)).sum() -> 19
        assertThat(exactFigure(bmi.path("iqrOutliers"))).isEqualTo(19);
    }

    @Test
    void theSummaryOfTagsAndTextIsValidJson() throws Exception {
        var roles = new ColumnRoles("id", List.of("title"), null, "tags", List.of("amount"), List.of("country"),
                List.of(), List.of(), Map.of());
        SnapshotProfile profile = new Profiler(2).profile(ProfileRows.generated(2_000, 4),
                ProfileRequest.builder(roles).build(), null);
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsBytes(ProfileJson.tree(profile)));
        JsonNode train = json.path("splits").path("train");
        assertThat(train.path("tags").path("frequencies")).hasSize(5);
        assertThat(train.path("tags").path("frequencies").get(0).path("count").path("exact").asBoolean()).isTrue();
        assertThat(train.path("columns").path("title").path("text").path("vocabularySize").path("value").asLong())
                .isEqualTo(10);
        assertThat(train.path("columns").path("title").path("text").path("vocabularySize").path("exact").asBoolean())
                .isTrue();
        assertThat(train.path("columns").path("title").path("text").path("words").path("max").asDouble()).isEqualTo(8);
        assertThat(train.path("columns").path("country").path("categorical").path("spellingGroups").get(0)
                .path("key").asText()).isEqualTo("it");
    }
}
