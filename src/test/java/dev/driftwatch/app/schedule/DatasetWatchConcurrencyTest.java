package dev.driftwatch.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.app.TestDatasets;
import dev.driftwatch.app.catalog.DatasetCatalog;
import dev.driftwatch.app.config.DriftwatchConfiguration;
import dev.driftwatch.app.storage.RunTrigger;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import dev.driftwatch.testing.TemporaryFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool and the no-overlap guard of {@link DatasetWatch}, with a runner that blocks on request. No application context. */
class DatasetWatchConcurrencyTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> finished = new CopyOnWriteArrayList<>();
    private DatasetWatch watch;
    private Path rules;

    @AfterEach
    void stop() {
        release.countDown();
        watch.stop();
    }

    @Test
    void aSlowDatasetHoldsUpNeitherAnotherDatasetNorTheNextTick() throws Exception {
        watch = watchOver("slow", "quick");

        var first = watch.tick();
        assertThat(first).isNotDone();
        waitFor("quick");
        // slow is still running: a later tick starts quick only. quick's own guard is released just after it records
        // itself finished, so a tick at that instant may still find quick in progress: tick until quick runs again
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (finished.size() < 2 && System.nanoTime() < deadline) {
            watch.tick().get(10, TimeUnit.SECONDS);
            Thread.sleep(20);
        }

        waitFor("quick", "quick");
        assertThat(finished).doesNotContain("slow");
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(finished).containsOnlyOnce("slow");
    }

    @Test
    void aRunOnRequestIsRefusedWhileTheDatasetIsBeingEvaluated() throws Exception {
        watch = watchOver("slow");
        RulesFile slow = new RulesFileLoader().load(rules.resolve("slow.yaml"));

        var tick = watch.tick();
        assertThatThrownBy(() -> watch.evaluateLatest(slow, RunTrigger.request("tester"))).isInstanceOf(DatasetBusyException.class)
                .hasMessage("expected no run of dataset 'slow' in progress but one is; try again when it ends");
        release.countDown();
        tick.get(10, TimeUnit.SECONDS);
        assertThat(watch.evaluateLatest(slow, RunTrigger.request("tester"))).isEmpty();
    }

    private DatasetWatch watchOver(String... names) throws Exception {
        Path root = TemporaryFolders.create("driftwatch-pool");
        var data = new TestDatasets(root);
        for (String name : names) {
            data.declare(name);
        }
        rules = data.rules();
        var configuration = new DriftwatchConfiguration(rules, Duration.ofMillis(1), Duration.ofSeconds(5), 2, null);
        var catalog = new DatasetCatalog(configuration, new RulesFileLoader(), event -> { });
        DatasetRunner runner = new DatasetRunner(null, null, null, null, null, null, null, null) {
            @Override
            public void evaluateNew(RulesFile rules) {
                String name = rules.dataset().name();
                if (name.equals("slow")) {
                    await();
                }
                finished.add(name);
            }

            @Override
            public Optional<dev.driftwatch.app.storage.RunRow> evaluateLatest(RulesFile rules, RunTrigger trigger) {
                return Optional.empty();
            }
        };
        return new DatasetWatch(catalog, runner, configuration, Clock.systemUTC());
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitFor(String... expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (finished.size() < expected.length && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(finished).containsExactly(expected);
    }
}
