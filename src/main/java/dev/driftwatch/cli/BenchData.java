package dev.driftwatch.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a synthetic CSV shaped like the Made With ML projects (id, created_on, title, description, tag,
 * split) plus numeric (stars, score), categorical (country, with spelling variants) columns, with injected
 * problems: missing values (empty descriptions, {@code N/A} stars), exact duplicate rows (1%), conflicting
 * labels (0.5%: an earlier row's text under another tag) and test rows copied into train (1%).
 * Deterministic for a seed; about 300 bytes a row. Not thread-safe.
 */
final class BenchData {
    static final List<String> TAGS = List.of("computer-vision", "natural-language-processing", "mlops",
            "reinforcement-learning", "graph-learning", "time-series", "generative-models", "other");
    private static final String[] COUNTRIES = {"US", "U.S.", "us", "DE", "IN", "I.N.", "FR", "GB", "BR", "JP"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ro", "ta", "vi", "zu", "pe", "sa", "do",
            "ri", "mo", "la", "ke", "ti", "na", "be", "go", "fu"};

    private final SplittableRandom random;
    private final String[] words = new String[4000];
    private final String[][] tagWords = new String[TAGS.size()][40];
    private final List<String[]> recent = new ArrayList<>();
    private final List<String[]> recentTest = new ArrayList<>();

    BenchData(long seed) {
        random = new SplittableRandom(seed);
        for (int i = 0; i < words.length; i++) {
            words[i] = word(2 + i % 3);
        }
        for (String[] list : tagWords) {
            for (int i = 0; i < list.length; i++) {
                list[i] = word(3);
            }
        }
    }

    private String word(int syllables) {
        var word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    /** Writes a header and {@code rows} rows to a file (replacing it). */
    void write(Path file, long rows) throws IOException {
        try (var out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            out.write("id,created_on,title,description,tag,split,stars,score,country\n");
            for (long id = 1; id <= rows; id++) {
                out.write(String.join(",", row(id)));
                out.write('\n');
            }
        }
    }

    private String[] row(long id) {
        double dice = random.nextDouble();
        String split = dice < 0.7 ? "train" : dice < 0.85 ? "val" : "test";
        double problem = random.nextDouble();
        if (problem < 0.01 && !recent.isEmpty()) {
            return recent.get(random.nextInt(recent.size())).clone();
        }
        if (problem < 0.02 && split.equals("train") && !recentTest.isEmpty()) {
            String[] copy = recentTest.get(random.nextInt(recentTest.size())).clone();
            copy[5] = "train";
            return copy;
        }
        int tag = random.nextInt(TAGS.size());
        String[] row = {Long.toString(id), timestamp(id), quoted(text(tag, 4 + random.nextInt(6))),
                quoted(random.nextDouble() < 0.02 ? "" : text(tag, 15 + random.nextInt(20))
                        + (random.nextDouble() < 0.001 ? "\nsecond line" : "")), TAGS.get(tag), split,
                random.nextDouble() < 0.01 ? "N/A" : Integer.toString((int) Math.exp(random.nextDouble() * 8)),
                String.format("%.3f", random.nextGaussian() * 10 + 50), COUNTRIES[random.nextInt(COUNTRIES.length)]};
        if (problem < 0.025 && !recent.isEmpty()) {
            String[] earlier = recent.get(random.nextInt(recent.size()));
            row[2] = earlier[2];
            row[3] = earlier[3];
            row[4] = TAGS.get((TAGS.indexOf(earlier[4]) + 1) % TAGS.size());
        }
        remember(split.equals("test") ? recentTest : recent, row);
        return row;
    }

    private void remember(List<String[]> rows, String[] row) {
        if (rows.size() < 1000) {
            rows.add(row);
        } else {
            rows.set(random.nextInt(rows.size()), row);
        }
    }

    private String timestamp(long id) {
        long seconds = 1_580_000_000L + id * 7;
        return java.time.Instant.ofEpochSecond(seconds).toString().replace('T', ' ').replace("Z", "");
    }

    private String text(int tag, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            double p = random.nextDouble();
            text.append(p < 0.15 ? tagWords[tag][random.nextInt(tagWords[tag].length)]
                    : words[(int) Math.min(words.length - 1, Math.exp(random.nextDouble() * Math.log(words.length)))]);
        }
        return text.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
