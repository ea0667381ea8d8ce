package dev.driftwatch.engine.rule.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftwatch.testing.SharedDatasets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Real texts with injected near-duplicates, for measuring the near-duplicate search against brute force.
 * The base texts are the Made With ML projects of snapshot s01 ({@code projects_detailed.json}: 2,032
 * "title description" texts, and every distinct line of at least 40 characters of the projects' details),
 * whitespace collapsed and emoji replaced. Shuffled, the first 80% form the earlier split; the later split holds two edited
 * copies of every base text (so a fifth of it has no source in the earlier split). A copy is exact one time
 * in twenty; otherwise 2% to 30% of its words are edited (deleted, inserted or replaced by a word of the
 * texts, or given a typo), which spreads the copies' similarity to their source from about 0.3 to 1.
 * Deterministic: {@link Random} with fixed seeds.
 */
final class NearDuplicateSample {
    private static final String PROJECTS =
            "madewithml/snapshots/s01_2020-12-23_mlops-course_5d53870/datasets/projects_detailed.json";
    final List<String> earlier = new ArrayList<>();
    final List<String> later = new ArrayList<>();

    NearDuplicateSample() {
        List<String> bases = new ArrayList<>(baseTexts());
        Collections.shuffle(bases, new Random(13));
        List<String> words = new ArrayList<>();
        bases.forEach(text -> words.addAll(List.of(text.split(" "))));
        earlier.addAll(bases.subList(0, bases.size() * 4 / 5));
        Random random = new Random(17);
        for (String base : bases) {
            later.add(edited(base, random, words));
            later.add(edited(base, random, words));
        }
        Collections.shuffle(later, random);
    }

    private static Set<String> baseTexts() {
        Set<String> texts = new LinkedHashSet<>();
        try {
            JsonNode projects = new ObjectMapper().readTree(SharedDatasets.resolve(PROJECTS).toFile());
            for (JsonNode project : projects) {
                texts.add(flat(project.path("title").asText() + " " + project.path("description").asText()));
            }
            for (JsonNode project : projects) {
                for (String line : project.path("details").asText().split("\n")) {
                    if (flat(line).length() >= 40) {
                        texts.add(flat(line));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /**
     * Whitespace collapsed; characters beyond the Basic Multilingual Plane (emoji) become "?", as Python counts
     * one character where Java counts two and the recount in Python must see the same 5-grams.
     */
    private static String flat(String text) {
        return text.replaceAll("[^\\x{0}-\\x{FFFF}]", "?").replaceAll("\\s+", " ").strip();
    }

    private static String edited(String base, Random random, List<String> words) {
        if (random.nextInt(20) == 0) {
            return base;
        }
        List<String> edited = new ArrayList<>(List.of(base.split(" ")));
        long edits = Math.max(1, Math.round(edited.size() * (0.02 + 0.28 * random.nextDouble())));
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(edited.size());
            String word = words.get(random.nextInt(words.size()));
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (edited.size() > 1) {
                        edited.remove(at);
                    }
                }
                case 1 -> edited.add(at, word);
                case 2 -> edited.set(at, word);
                default -> {
                    char[] letters = edited.get(at).toCharArray();
                    letters[random.nextInt(letters.length)] = (char) ('a' + random.nextInt(26));
                    edited.set(at, new String(letters));
                }
            }
        }
        return String.join(" ", edited);
    }
}
