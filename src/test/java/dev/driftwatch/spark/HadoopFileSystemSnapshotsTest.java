package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots named by a URI of a Hadoop file system other than the local one ({@link OtherSchemeFileSystem}, scheme
 * {@code dwtest:}, which java.nio cannot open) are found, hashed and read through Hadoop, and give the results the
 * same files give from a local path.
 */
class HadoopFileSystemSnapshotsTest {
    private static final Path TITANIC = Path.of("../shared/datasets/titanic").toAbsolutePath().normalize();

    private static SparkSession spark;

    @TempDir
    static Path work;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.smallBlocks("driftwatch-test")
                .config("spark.hadoop.fs." + OtherSchemeFileSystem.SCHEME + ".impl", OtherSchemeFileSystem.class.getName())
                .getOrCreate();
        spark.sparkContext().hadoopConfiguration()
                .set("fs." + OtherSchemeFileSystem.SCHEME + ".impl", OtherSchemeFileSystem.class.getName());
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void splitFilesOnAnotherFileSystemGiveTheResultsOfTheLocalPath() throws IOException {
        RulesFile rules = titanicRules();
        var runner = new SparkRunner(spark, Clock.systemUTC());
        RunReport local = runner.run(rules, TITANIC.toString(), null).report();
        int openedBefore = OtherSchemeFileSystem.OPENED.get();
        RunReport remote = runner.run(rules, OtherSchemeFileSystem.SCHEME + "://" + TITANIC, null).report();

        // train.csv 891 rows and test.csv 418 rows (wc -l minus the header line)
        assertThat(remote.profile().rowsPerSplit()).containsEntry("train", 891L).containsEntry("test", 418L);
        assertThat(OtherSchemeFileSystem.OPENED.get() - openedBefore).as("files opened through Hadoop").isGreaterThanOrEqualTo(2);
        assertThat(remote.snapshot().files()).extracting(f -> f.relativePath()).containsExactly("test.csv", "train.csv");
        assertThat(remote.snapshot().provenance().path()).isEqualTo(OtherSchemeFileSystem.SCHEME + "://" + TITANIC);
        assertThat(remote.snapshot().provenance().sha256()).isEqualTo(local.snapshot().provenance().sha256());
        assertThat(remote.results()).hasSameSizeAs(local.results());
        for (int i = 0; i < local.results().size(); i++) {
            RuleResult expected = local.results().get(i);
            RuleResult actual = remote.results().get(i);
            assertThat(actual.status()).as(expected.rule()).isEqualTo(expected.status());
            assertThat(actual.observed()).as(expected.rule()).isEqualTo(expected.observed());
            assertThat(actual.evidence()).as(expected.rule()).isEqualTo(expected.evidence());
        }
    }

    @Test
    void aProfileStoredOnAnotherFileSystemIsAReferenceAsTheSnapshotItCameFrom() throws IOException {
        RulesFile rules = titanicRules("""
                  - {name: drift, kind: distribution_shift, columns: [Age, Fare, Sex]}
                  - {name: rows, kind: row_count, max_change: 0.1}
                """);
        var runner = new SparkRunner(spark, Clock.systemUTC());
        RunReport againstSnapshot = runner.run(rules, TITANIC.toString(), TITANIC.toString()).report();
        Path stored = work.resolve("stored/titanic.profile");
        Files.createDirectories(stored.getParent());
        Files.write(stored, ProfileCodec.toBytes(againstSnapshot.profile()));
        int openedBefore = OtherSchemeFileSystem.OPENED.get();
        RunReport againstStored = runner.run(rules, TITANIC.toString(), OtherSchemeFileSystem.SCHEME + "://" + stored).report();

        assertThat(OtherSchemeFileSystem.OPENED.get() - openedBefore).as("the profile opened through Hadoop").isPositive();
        assertThat(againstStored.reference()).isEqualTo("titanic.profile");
        assertThat(againstStored.results()).hasSameSizeAs(againstSnapshot.results())
                .anySatisfy(result -> assertThat(result.rule()).isEqualTo("drift"));
        for (int i = 0; i < againstSnapshot.results().size(); i++) {
            RuleResult expected = againstSnapshot.results().get(i);
            RuleResult actual = againstStored.results().get(i);
            assertThat(actual.status()).as(expected.rule()).isEqualTo(expected.status()).isNotEqualTo(Status.SKIPPED);
            assertThat(actual.observed()).as(expected.rule()).isEqualTo(expected.observed());
            assertThat(actual.message()).as(expected.rule()).isEqualTo(expected.message());
        }
    }

    @Test
    void aMissingLocationOnAnotherFileSystemIsNamed() throws IOException {
        RulesFile rules = titanicRules();
        String missing = OtherSchemeFileSystem.SCHEME + "://" + work.resolve("no-such-snapshot");
        assertThatThrownBy(() -> new SparkRunner(spark, Clock.systemUTC()).run(rules, missing, null))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("expected a snapshot at " + missing + " but found nothing there");
    }

    @Test
    void aFolderStillBeingWrittenIsRefused() throws IOException {
        Path folder = Files.createDirectories(work.resolve("written/_temporary/0"));
        Files.copy(TITANIC.resolve("train.csv"), folder.resolve("train.csv"));
        RulesFile rules = titanicRules();
        String location = OtherSchemeFileSystem.SCHEME + "://" + folder;
        assertThatThrownBy(() -> new SparkRunner(spark, Clock.systemUTC()).run(rules, location, null))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("expected a complete snapshot but found " + location);
    }

    private static RulesFile titanicRules() throws IOException {
        return titanicRules("");
    }

    /** @param more rules after the three every test has, each line indented as they are */
    private static RulesFile titanicRules(String more) throws IOException {
        Path file = work.resolve("titanic.yaml");
        Files.writeString(file, """
                dataset: titanic
                source: %s
                layout: folder_per_snapshot
                files: "{train,test}.csv"
                splits:
                  by: file
                  files: {train: train.csv, test: test.csv}
                columns:
                  id: PassengerId
                  inputs: [Pclass, Sex, Age, SibSp, Parch, Embarked]
                  label: Survived
                  numeric: [Age, SibSp, Parch, Fare]
                rules:
                  - {name: ages-known, kind: missing_values, columns: [Age], max_ratio: 0.25}
                  - {name: conflicting-labels, kind: conflicting_labels}
                  - {name: copies, kind: duplicate_rows, columns: [Pclass, Sex, Age, SibSp, Parch]}
                """.formatted(TITANIC.getParent()) + more);
        return new RulesFileLoader().load(file);
    }
}
