package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.read.FieldLimits;
import dev.driftwatch.engine.read.ReadOptions;
import dev.driftwatch.engine.read.ReadProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read report of a profile: lines, rows read, rows lost per problem; kept in the profile's bytes and merged. */
class ReadReportTest {
    @TempDir
    Path folder;

    @Test
    void linesReadAndTheRowsEachProblemCostSurviveTheBytesAndAddUpInAMerge() throws IOException {
        // 6 physical lines: a header, a good row, a quoted field over 3 lines (the limit is 2), a good row
        Path file = folder.resolve("d.csv");
        Files.writeString(file, "a,b\n1,2\n3,\"x\ny\nz\",w\n4,5\n");
        var dataset = new DatasetDefinition("d", folder, new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, "d.csv"),
                null, ReadOptions.AS_WRITTEN.withFieldLimits(new FieldLimits(2, 100)), SplitPolicy.none(), ColumnRoles.none(),
                null, null, 0.9, null);
        SnapshotProfile profile = new Profiler(1).profile(dataset, TestSnapshots.snapshot(file),
                ProfileRequest.builder(ColumnRoles.none()).build(), List.of());
        assertThat(profile.reads()).isEqualTo(new ReadReport(2, 3, Map.of("long_field", 3L), List.of(new ReadProblem("d.csv", 3,
                "long_field", "expected a quoted field of at most 2 lines (max_field_lines) but found one of 3 lines", 3)), 6));
        assertThat(profile.reads().rejectedShare()).isEqualTo(3 / 5.0);
        assertThat(ProfileCodec.fromBytes(ProfileCodec.toBytes(profile)).reads()).isEqualTo(profile.reads());
        assertThat(profile.merge(profile).reads().linesRead()).isEqualTo(12);
        assertThat(ProfileJson.tree(profile).get("reads")).isEqualTo(Map.of("linesRead", 6L, "rowsRead", 2L, "rowsRejected", 3L,
                "byKind", Map.of("long_field", 3L), "examples", List.of(Map.of("source", "d.csv", "line", 3L, "kind", "long_field",
                        "message", "expected a quoted field of at most 2 lines (max_field_lines) but found one of 3 lines",
                        "rows", 3L))));
    }

    @Test
    void aProfileStoredInFormat2IsReadWithItsLinesUnknown() throws IOException {
        // written by the profiler of format 2 (main at 658a822, before lines were counted) from "a,b\n1,2\n3\n4,5\n"
        byte[] format2;
        try (var in = getClass().getResourceAsStream("/profiles/format-2.bin")) {
            format2 = in.readAllBytes();
        }
        SnapshotProfile old = ProfileCodec.fromBytes(format2);
        assertThat(old.reads()).isEqualTo(new ReadReport(2, 1, Map.of("field_count", 1L), List.of(new ReadProblem("d.csv", 3,
                "field_count", "expected 2 fields but found 1", 1)), ReadReport.UNKNOWN_LINES));
        assertThat(old.reads().linesKnown()).isFalse();
        assertThat(old.merge(old).reads().linesKnown()).isFalse();
        assertThat(ProfileJson.tree(old).get("reads")).isEqualTo(Map.of("rowsRead", 2L, "rowsRejected", 1L,
                "byKind", Map.of("field_count", 1L), "examples", List.of(Map.of("source", "d.csv", "line", 3L,
                        "kind", "field_count", "message", "expected 2 fields but found 1", "rows", 1L))));
    }
}
