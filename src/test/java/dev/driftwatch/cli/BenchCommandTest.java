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
            "^(parse-only|full profile) \\(.*\\)\\s+([\\d,]+) rows .* CPU\\s+([\\d.]+) s .*peak heap used", Pattern.MULTILINE);

    @Test
    void generatesTheFileThenTimesEachPassAsOftenAsAsked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.csv");
        CommandRun run = CommandRun.of("bench", "--file", file.toString(), "--generate", "20000", "--repeat", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(20000, Files.readAllLines(file).stream().filter(line -> line.matches("^\\d+,.*")).count());
        Matcher pass = PASS.matcher(run.out());
        List<String> passes = new ArrayList<>();
        while (pass.find()) {
            passes.add(pass.group(1));
            assertEquals("20,000", pass.group(2), run.out());
            double cpuSeconds = Double.parseDouble(pass.group(3));
            assertTrue(pass.group(1).equals("parse-only") || cpuSeconds > 0, run.out());
        }
        assertEquals(List.of("parse-only", "full profile", "parse-only", "full profile"), passes, run.out());
        assertTrue(run.out().contains("run 2)"), run.out());
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
