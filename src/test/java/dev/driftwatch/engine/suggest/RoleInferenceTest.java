package dev.driftwatch.engine.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.StandaloneSnapshot;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.testing.SharedDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleInferenceTest {
    @TempDir
    Path dir;

    private static SuggestedRoles rolesOf(Path file) {
        var standalone = new StandaloneSnapshot(file, null, null, null);
        var dataset = standalone.dataset("t", ColumnRoles.none());
        var snapshot = new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(dataset, standalone.location()).orElseThrow();
        var shapes = new ColumnShapes();
        SplitProfile split = new Profiler(1).profile(dataset, snapshot, ProfileRequest.builder(ColumnRoles.none()).build(),
                List.of(shapes)).splits().get("all");
        return new RoleInference().infer(split, shapes);
    }

    @Test
    void titanicTrainGetsAnIdALabelTextCodesNumbersAndCategories() {
        SuggestedRoles roles = rolesOf(SharedDatasets.resolve("titanic/train.csv"));

        assertThat(roles.columns()).extracting(ColumnEvidence::column, ColumnEvidence::role).containsExactly(
                tuple("PassengerId", ColumnRole.ID), tuple("Survived", ColumnRole.LABEL), tuple("Pclass", ColumnRole.CATEGORICAL),
                tuple("Name", ColumnRole.TEXT), tuple("Sex", ColumnRole.CATEGORICAL), tuple("Age", ColumnRole.NUMERIC),
                tuple("SibSp", ColumnRole.CATEGORICAL), tuple("Parch", ColumnRole.CATEGORICAL), tuple("Ticket", ColumnRole.CODE),
                tuple("Fare", ColumnRole.NUMERIC), tuple("Cabin", ColumnRole.CODE), tuple("Embarked", ColumnRole.CATEGORICAL));
        assertThat(roles.inputs()).doesNotContain("PassengerId", "Survived").contains("Ticket", "Name");
    }

    @Test
    void aSmallLastColumnIsTheLabelWhenNoNameSaysSo() throws Exception {
        Path file = dir.resolve("t.csv");
        StringBuilder text = new StringBuilder("paid,width,verdict\n");
        for (int i = 0; i < 40; i++) {
            text.append(i % 3).append(',').append(i * 1.5).append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(file, text);

        SuggestedRoles roles = rolesOf(file);

        assertThat(roles.columns()).extracting(ColumnEvidence::column, ColumnEvidence::role).containsExactly(
                tuple("paid", ColumnRole.CATEGORICAL), tuple("width", ColumnRole.NUMERIC), tuple("verdict", ColumnRole.LABEL));
        assertThat(roles.columns().get(2).reason()).isEqualTo("the last column, few classes; 2 distinct of 40 present values, text");
    }

    @Test
    void madeWithMlProjectsGetTagsTextAndATimestamp() {
        SuggestedRoles roles = rolesOf(SharedDatasets.resolve(
                "madewithml/snapshots/s16_2022-05-03_Made-With-ML_5c59a97/datasets/projects.json"));

        assertThat(roles.first(ColumnRole.ID)).contains("id");
        assertThat(roles.first(ColumnRole.TAGS)).contains("tags");
        assertThat(roles.of(ColumnRole.TEXT)).containsExactly("title", "description", "text");
        assertThat(roles.of(ColumnRole.TIMESTAMP)).containsExactly("created_on");
    }
}
