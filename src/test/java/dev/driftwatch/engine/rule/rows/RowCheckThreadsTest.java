package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.Severity;
import dev.driftwatch.engine.rule.TextNormalisation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which row checks a run gives a thread of their own ({@link Rule.RowCheck#worksAlone()}). */
class RowCheckThreadsTest {
    private static final DatasetDefinition DATASET = new DatasetDefinition("threads", Path.of("."),
            new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "rows.csv"), null, null, null,
            new ColumnRoles("id", List.of("title"), "tag", null, List.of(), List.of(), List.of(), List.of(), Map.of()),
            null, null, 0, null);

    @Test
    void splitLeakageWorksAloneWhenItSearchesNearDuplicates() {
        assertThat(worksAlone(new SplitLeakageRule("leak", Severity.WARN, List.of(),
                Set.of(LeakageMode.EXACT, LeakageMode.NEAR), TextNormalisation.all(), 0.8, 0, 5))).isTrue();
        assertThat(worksAlone(new SplitLeakageRule("leak", Severity.WARN, List.of(),
                Set.of(LeakageMode.ID, LeakageMode.EXACT, LeakageMode.NORMALISED), TextNormalisation.all(), 0.8, 0, 5)))
                .isFalse();
    }

    @Test
    void checksThatSortFingerprintsShareAThread() {
        assertThat(worksAlone(new DuplicateRowsRule("dups", Severity.WARN, List.of(), 0, 5))).isFalse();
        assertThat(worksAlone(new ConflictingLabelsRule("conflicts", Severity.WARN, List.of(), null,
                TextNormalisation.all(), 0, 5))).isFalse();
    }

    private static boolean worksAlone(Rule rule) {
        try (var check = (AutoCloseable) rule.newRowCheck(DATASET).orElseThrow()) {
            return ((Rule.RowCheck) check).worksAlone();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
