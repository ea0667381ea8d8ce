package dev.driftwatch.cli;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.profile.ProfileCodec;
import dev.driftwatch.engine.profile.Profiler;
import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.ReadOptions;
import dev.driftwatch.engine.read.ReadProblem;
import dev.driftwatch.engine.read.RowSink;
import dev.driftwatch.engine.snapshot.Provenance;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code driftwatch bench}: generates a Made-With-ML-shaped CSV (when asked) and times a parse-only pass
 * (the floor: the csv reader the profile uses, one thread, rows counted) and the full profile over it, printing
 * rows/s, MB/s, wall time and peak heap of each.
 */
@Command(name = "bench", description = "Benchmark the profiler against a parse-only pass over a generated CSV.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--file", required = true, description = "The CSV to read (generated there with --generate).")
    Path file;

    @Option(names = "--generate", description = "Write this many rows to --file first.")
    Long generate;

    @Option(names = "--mode", defaultValue = "both", description = "parse, profile, both or none (only generate; default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--threads", description = "Profiling worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--repeat", defaultValue = "1",
            description = "Run the passes this many times in one JVM; later runs show the code compiled (default: ${DEFAULT-VALUE}).")
    int repeat;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!List.of("parse", "profile", "both", "none").contains(mode)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "expected --mode parse, profile, both or none but found " + mode);
        }
        if (repeat < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --repeat of at least 1 but found " + repeat);
        }
        if (generate != null) {
            long start = System.nanoTime();
            new BenchData(42).write(file, generate);
            out.printf("generated %,d rows, %,d bytes in %.1f s%n", generate, Files.size(file), seconds(start));
        }
        if (mode.equals("none")) {
            out.flush();
            return DriftwatchCommand.PASSED;
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "expected a CSV file at --file " + file + " but there is none (write one with --generate N)");
        }
        long bytes = Files.size(file);
        out.printf("file %s: %,d bytes; %d processors; max heap %d MB%n", file, bytes,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<Pass.Figures> parses = new ArrayList<>();
        List<Pass.Figures> profiles = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            String suffix = repeat == 1 ? "" : ", run " + run;
            if (mode.equals("parse") || mode.equals("both")) {
                var pass = Pass.begin();
                long rows = parseOnly();
                Pass.Figures figures = pass.finish();
                parses.add(figures);
                report(out, "parse-only (1 thread" + suffix + ")", rows, bytes, figures);
            }
            if (mode.equals("profile") || mode.equals("both")) {
                var pass = Pass.begin();
                SnapshotProfile profile = profile();
                Pass.Figures figures = pass.finish();
                profiles.add(figures);
                report(out, "full profile (" + (threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                        + " workers" + suffix + ")", profile.rows() + profile.reads().rowsRejected(), bytes, figures);
                System.gc();
                out.printf("  live heap after the pass, profile kept: %,d MB; profile as bytes: %,d KB%n",
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                        ProfileCodec.toBytes(profile).length >> 10);
                out.printf("  splits %s; duplicates %,d; rejected %,d %s%n", profile.rowsPerSplit(),
                        profile.duplicates().duplicateRows(), profile.reads().rowsRejected(), profile.reads().byKind());
            }
        }
        if (repeat >= 3) {
            reportMedians(out, parses, profiles);
        }
        out.flush();
        return DriftwatchCommand.PASSED;
    }

    /** The medians of runs 2 to N, whose code is compiled, and the ratio of the profile to the floor. */
    private void reportMedians(PrintWriter out, List<Pass.Figures> parses, List<Pass.Figures> profiles) {
        List<String> parts = new ArrayList<>();
        if (!parses.isEmpty()) {
            parts.add(String.format("parse-only %.2f s (CPU %.2f s)", median(parses, Pass.Figures::seconds),
                    median(parses, Pass.Figures::cpuSeconds)));
        }
        if (!profiles.isEmpty()) {
            parts.add(String.format("full profile %.2f s (CPU %.2f s)", median(profiles, Pass.Figures::seconds),
                    median(profiles, Pass.Figures::cpuSeconds)));
        }
        String ratio = parses.isEmpty() || profiles.isEmpty() ? "" : String.format(": %.1fx the floor",
                median(profiles, Pass.Figures::seconds) / median(parses, Pass.Figures::seconds));
        out.printf("median of runs 2-%d: %s%s%n", repeat, String.join(", ", parts), ratio);
    }

    private static double median(List<Pass.Figures> passes, java.util.function.ToDoubleFunction<Pass.Figures> figure) {
        double[] values = passes.stream().skip(1).mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private long parseOnly() throws Exception {
        long[] rows = {0};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Format.CSV.reader().read(in, file.getFileName().toString(), SplitPolicy.ALL, new RowSink() {
                @Override
                public void accept(Row row) {
                    rows[0]++;
                }

                @Override
                public void reject(ReadProblem problem) {
                    rows[0]++;
                }
            });
        }
        return rows[0];
    }

    private SnapshotProfile profile() throws Exception {
        var roles = new ColumnRoles("id", List.of("title", "description"), null, "tag", List.of("stars", "score"),
                List.of("country"), List.of(), List.of("created_on"), Map.of("stars", List.of("N/A")));
        var dataset = new DatasetDefinition("bench", file.toAbsolutePath().getParent(),
                new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT, file.getFileName().toString()), Format.CSV,
                ReadOptions.AS_WRITTEN, new SplitPolicy(SplitPolicy.Kind.COLUMN, Map.of(), "split"), roles, null, null, 0.01, null);
        var snapshotFile = new SnapshotFile(file, file.getFileName().toString(), SplitPolicy.ALL, Format.CSV, Files.size(file));
        var snapshot = new Snapshot("bench", file.getFileName().toString(), List.of(snapshotFile),
                new Provenance(file.toString(), Files.size(file), "-", Instant.now(), Instant.now(), Map.of()));
        Profiler profiler = threads == null ? new Profiler() : new Profiler(threads);
        return profiler.profile(dataset, snapshot, ProfileRequest.builder(roles).build(), List.of());
    }

    private static void report(PrintWriter out, String what, long rows, long bytes, Pass.Figures pass) {
        out.printf("%-36s %,12d rows %8.2f s %,12.0f rows/s %8.1f MB/s  CPU %6.2f s (%.1f cores)  peak heap used %,6d MB%n",
                what, rows, pass.seconds(), rows / pass.seconds(), bytes / 1e6 / pass.seconds(), pass.cpuSeconds(),
                pass.cpuSeconds() / pass.seconds(), pass.peakHeap() >> 20);
        out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The wall time, CPU time of the whole JVM (JIT and GC included) and peak used heap of one pass. */
    private record Pass(HeapSampler heap, long startNanos, long startCpuNanos) {
        record Figures(double seconds, double cpuSeconds, long peakHeap) {
        }

        static Pass begin() {
            HeapSampler heap = HeapSampler.begin();
            return new Pass(heap, System.nanoTime(), processCpuNanos());
        }

        Figures finish() {
            double cpu = (processCpuNanos() - startCpuNanos) / 1e9;
            return new Figures(seconds(startNanos), cpu, heap.finish());
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** Samples the used heap every 5 ms on a daemon thread (used heap includes garbage not yet collected). */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private long peak;

        static HeapSampler begin() {
            System.gc();
            var sampler = new HeapSampler();
            sampler.setDaemon(true);
            sampler.start();
            return sampler;
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() {
            running = false;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak;
        }
    }
}
