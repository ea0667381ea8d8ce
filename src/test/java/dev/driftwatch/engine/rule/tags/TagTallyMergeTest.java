package dev.driftwatch.engine.rule.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tallies of disjoint rows merge as one tally of all of them: exact while their tags together stay within the bound
 * (whatever each part held), sketches beyond, whose estimates stay within their stated error of the true counts.
 * Each part goes through Java serialization first, as between Spark tasks.
 */
class TagTallyMergeTest {
    private static final int BOUND = 100;

    @Test
    void partsWithinTheBoundTogetherMergeToTheExactCounts() {
        // 90 distinct tags: "t<k>" in every row i with i % 90 == k; 900 rows, so 10 rows per tag (recounted below)
        TagTally whole = new TagTally(BOUND);
        List<TagTally> parts = parts(3);
        for (int i = 0; i < 900; i++) {
            whole.add("t" + i % 90);
            parts.get(i % 3).add("t" + i % 90);
        }
        TagTally merged = merged(parts);
        assertThat(merged.isExact()).isTrue();
        assertThat(merged.counts()).isEqualTo(whole.counts()).hasSize(90).containsEntry("t7", 10L);
    }

    @Test
    void partsEachWithinTheBoundButBeyondItTogetherMergeToASketch() {
        // part p holds 60 tags of its own ("p<p>-<k>", 5 rows each) and "often" in every row: 3 x 60 = 180 tags
        // together, above the bound of 100, as one tally of all the rows is; "often" is in 3 x 300 = 900 rows
        TagTally whole = new TagTally(BOUND);
        List<TagTally> parts = parts(3);
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 300; i++) {
                String own = "p" + p + "-" + i % 60;
                parts.get(p).add(own);
                parts.get(p).add("often");
                whole.add(own);
                whole.add("often");
            }
        }
        assertThat(parts).allMatch(TagTally::isExact);
        TagTally merged = merged(parts);
        assertThat(merged.isExact()).isEqualTo(whole.isExact()).isFalse();
        assertThat(merged.counts().get("often")).isBetween(900L, 900L + merged.maxError());
    }

    @Test
    void sketchesMergeWithinTheirStatedError() {
        // "often" in every 10th row of 60,000 (6,000 rows) among 54,000 tags seen once, cut in 4 parts of 15,000
        // rows: each part is a sketch already
        List<TagTally> parts = parts(4);
        for (int i = 0; i < 60_000; i++) {
            parts.get(i / 15_000).add(i % 10 == 0 ? "often" : "once-" + i);
        }
        TagTally merged = merged(parts);
        assertThat(merged.isExact()).isFalse();
        assertThat(merged.counts().get("often")).isBetween(6_000L, 6_000L + merged.maxError());
        assertThat(merged.counts()).hasSizeLessThan(4_096);
    }

    private static List<TagTally> parts(int count) {
        List<TagTally> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new TagTally(BOUND));
        }
        return parts;
    }

    private static TagTally merged(List<TagTally> parts) {
        TagTally merged = new TagTally(BOUND);
        parts.forEach(part -> merged.merge(travelled(part)));
        return merged;
    }

    private static TagTally travelled(TagTally tally) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(tally);
            }
            try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (TagTally) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
