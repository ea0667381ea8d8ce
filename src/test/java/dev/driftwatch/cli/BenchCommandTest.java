package dev.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private static final Pattern PASS = Pattern.compile(
            "^(parse-only|full profile) \\(.*\\)\\s+([\\d,]+) rows\\s+([\\d.]+) s .* CPU\\s+([\\d.]+) s .*peak heap used",
            Pattern.MULTILINE);

    @Test
    void generatesTheFileThenTimesEachPassAsOftenAsAsked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.csv");
        CommandRun run = CommandRun.of("bench", "--file", file.toString(), "--generate", "20000", "--repeat", "3");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(20000, Files.readAllLines(file).stream().filter(line -> line.matches("^\\d+,.*")).count());
        Matcher pass = PASS.matcher(run.out());
        List<String> passes = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        while (pass.find()) {
            passes.add(pass.group(1));
            seconds.add(Double.parseDouble(pass.group(3)));
            assertEquals("20,000", pass.group(2), run.out());
            double cpuSeconds = Double.parseDouble(pass.group(4));
            assertTrue(pass.group(1).equals("parse-only") || cpuSeconds > 0, run.out());
        }
        assertEquals(List.of("parse-only", "full profile", "parse-only", "full profile", "parse-only", "full profile"),
                passes, run.out());
        assertTrue(run.out().contains("run 3)"), run.out());
        // runs 2 and 3: the median of two is their mean
        double parse = (seconds.get(2) + seconds.get(4)) / 2;
        double profile = (seconds.get(3) + seconds.get(5)) / 2;
        Matcher medians = Pattern.compile("median of runs 2-3: parse-only ([\\d.]+) s \\(CPU [\\d.]+ s\\), "
                + "full profile ([\\d.]+) s \\(CPU [\\d.]+ s\\): ([\\d.]+)x the floor").matcher(run.out());
        assertTrue(medians.find(), run.out());
        assertEquals(parse, Double.parseDouble(medians.group(1)), 0.011, run.out());
        assertEquals(profile, Double.parseDouble(medians.group(2)), 0.011, run.out());
        assertTrue(Double.parseDouble(medians.group(3)) > 0, run.out());
        Matcher duplicates = Pattern.compile("duplicates ([\\d,]+)").matcher(run.out());
        assertTrue(duplicates.find() && Integer.parseInt(duplicates.group(1).replace(",", "")) > 0, run.out());
    }

    @Test
    void refusesARepeatBelowOne(@TempDir Path dir) {
        CommandRun run = CommandRun.of("bench", "--file", dir.resolve("absent.csv").toString(), "--repeat", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("expected --repeat of at least 1 but found 0"), run.err());
    }

    @Test
    void saysHowToGetTheFileWhenItIsMissing(@TempDir Path dir) {
        CommandRun run = CommandRun.of("bench", "--file", dir.resolve("absent.csv").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("absent.csv but there is none (write one with --generate N)"), run.err());
    }
}
