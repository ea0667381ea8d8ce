package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.cost.Cost;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.run.RuleCost;
import dev.driftwatch.engine.run.RunPhase;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Csv records as the local engine reads them, or a clear error: quoted values with line breaks are whole records
 * with the local engine's line numbers, and a record with another number of fields than the header stops the run
 * (Spark alone would pad or cut it).
 */
class CsvRecordsOnSparkTest {
    private static SparkSession spark;

    @TempDir
    static Path work;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.builder("driftwatch-test").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void quotedLineBreaksStayInsideTheirRecord() throws IOException {
        Path folder = Files.createDirectories(work.resolve("multiline"));
        // header: line 1; record 1: line 2; record 2: lines 3-4; record 3: lines 5-7 (a CRLF and a LF inside quotes);
        // record 4: line 8, its score empty
        Files.writeString(folder.resolve("s1.csv"), "id,text,score\n1,plain,1\n2,\"two\nlines\",2\n"
                + "3,\"three\r\nmore\nlines\",3\n4,after,\n");
        RulesFile rules = rules("multiline", folder, "  - {name: scored, kind: missing_values, columns: [score]}\n");
        RunReport run = SameAsLocal.run(spark, rules, folder.resolve("s1.csv"), null, 1);

        assertThat(run.profile().rows()).isEqualTo(4);
        RuleResult scored = run.results().get(0);
        assertThat(scored.observed()).isEqualTo(0.25);
        assertThat(scored.evidence()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(8));
        // what the run cost, as the local engine's report gives it: no reference phase, one line per rule
        assertThat(run.timings().phases()).containsOnlyKeys(RunPhase.SNAPSHOT, RunPhase.RULES);
        assertThat(run.timings().rules()).extracting(RuleCost::rule).containsExactly("scored");
        long phases = run.timings().phases().values().stream().mapToLong(Cost::wallNanos).sum();
        assertThat(run.timings().total().wallNanos()).isGreaterThanOrEqualTo(phases).isPositive();
    }

    @Test
    void aRecordWithAnotherNumberOfFieldsStopsTheRunAndIsNamed() throws IOException {
        Path folder = Files.createDirectories(work.resolve("short"));
        Files.writeString(folder.resolve("s1.csv"), "id,text,score\n1,plain,1\n2,short\n3,fine,3\n");
        RulesFile rules = rules("short", folder, "  - {name: scored, kind: missing_values, columns: [score]}\n");

        assertThatThrownBy(() -> new SparkRunner(spark, Clock.systemUTC()).run(rules, folder.resolve("s1.csv"), null))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("expected every record of s1.csv to have the header's 3 fields but found one"
                        + " that does not at line 3;");
    }

    @Test
    void recordsCachedInColumnsAreTheRecordsParsedAgain() throws IOException {
        Path titanic = Path.of("../shared/datasets/titanic/train.csv").toAbsolutePath().normalize();
        RulesFile rules = rules("cached", titanic.getParent(), "  - {name: ages, kind: missing_values, columns: [Age]}\n");
        Located located = new Located(new LocalSnapshots(Clock.systemUTC()).locate(rules.dataset(), titanic.toString()),
                new LocalSnapshots(Clock.systemUTC()));
        SnapshotRows.Read parsed = SnapshotRows.read(spark, rules.dataset(), located, false);
        SnapshotRows.Read cached = SnapshotRows.read(spark, rules.dataset(), located, true);
        try {
            List<String> again = parsed.rows().map(CsvRecordsOnSparkTest::described).collect();
            List<String> fromCache = cached.rows().map(CsvRecordsOnSparkTest::described).collect();
            // 891 records: wc -l gives 892 lines, one of them the header
            assertThat(again).hasSize(891);
            assertThat(fromCache).isEqualTo(again);
            assertThat(cached.cached()).hasSize(1);
            assertThat(cached.cached().get(0).storageLevel().useMemory()).isTrue();
        } finally {
            cached.release();
        }
        assertThat(cached.cached().get(0).storageLevel().useMemory()).isFalse();
    }

    private static String described(PlacedRow row) {
        return row.position() + " " + row.split() + " " + java.util.Arrays.toString(row.values());
    }

    private static RulesFile rules(String name, Path source, String rules) throws IOException {
        Path file = work.resolve(name + ".yaml");
        Files.writeString(file, """
                dataset: %s
                source: %s
                layout: file_per_snapshot
                files: "*.csv"
                columns:
                  id: id
                  numeric: [score]
                rules:
                """.formatted(name, source) + rules);
        return new RulesFileLoader().load(file);
    }
}
