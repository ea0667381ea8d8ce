package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.cli.DriftwatchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A session that serializes with Kryo (a common spark-defaults.conf) cannot move the runner's Java records: the
 * runner refuses it before any job, and spark-check says so and exits 2, never 1 ("a rule failed").
 */
class KryoSessionTest {
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.builder("driftwatch-kryo-test")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void theRunnerRefusesAKryoSession() {
        assertThatThrownBy(() -> new SparkRunner(spark, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected spark.serializer org.apache.spark.serializer.JavaSerializer (the Spark runner moves"
                        + " Java records between executors, which Spark's Kryo cannot serialize) but found"
                        + " org.apache.spark.serializer.KryoSerializer");
    }

    @Test
    void sparkCheckInAKryoSessionExits2WithTheReason() {
        StringWriter err = new StringWriter();
        Path pima = Path.of("src/examples/pima/snapshots/pima-03.csv");
        int exit = new CommandLine(new SparkCheck()).setErr(new PrintWriter(err, true))
                .execute("--rules", "rules/pima.yaml", "--snapshot", pima.toString());

        assertThat(exit).isEqualTo(DriftwatchCommand.BAD_INPUT);
        assertThat(err.toString()).startsWith("driftwatch: could not finish evaluating snapshot " + pima
                + " on Spark: expected spark.serializer org.apache.spark.serializer.JavaSerializer");
    }
}
