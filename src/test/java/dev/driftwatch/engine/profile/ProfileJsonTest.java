package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.engine.dataset.ColumnRoles;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON summary is valid JSON with the figures of the profile. */
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
        assertThat(json.path("splits").path("all").path("labels").path("counts").path("0").asLong()).isEqualTo(500);
        assertThat(json.path("duplicates").path("duplicateRows").asLong()).isZero();
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
        assertThat(train.path("columns").path("title").path("text").path("words").path("max").asDouble()).isEqualTo(8);
        assertThat(train.path("columns").path("country").path("categorical").path("spellingGroups").get(0)
                .path("key").asText()).isEqualTo("it");
    }
}
