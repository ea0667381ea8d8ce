package dev.driftwatch.engine.rule.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spill gives back every row's band keys and text exactly, across blocks and buffer sizes, then deletes its files. */
class NearDuplicateSpillTest {
    private static final int BANDS = 3;

    @TempDir
    Path dir;

    @Test
    void everyBandKeyLocationAndTextReadsBackAsWrittenOverSeveralBlocks() throws IOException {
        int rows = NearDuplicateSpill.BLOCK_ROWS * 2 + 17;
        Random random = new Random(5);
        long[][] keys = new long[rows][BANDS];
        List<String> texts = new ArrayList<>();
        try (NearDuplicateSpill spill = new NearDuplicateSpill(dir, "s", BANDS)) {
            for (int row = 0; row < rows; row++) {
                for (int band = 0; band < BANDS; band++) {
                    keys[row][band] = random.nextLong();
                }
                texts.add(text(row, random));
                spill.add(keys[row], location(row), texts.get(row).toCharArray(), texts.get(row).length(), ~location(row));
            }
            spill.finish();
            assertThat(spill.size()).isEqualTo(rows);
            for (int b = 0; b < BANDS; b++) {
                long[] band = new long[rows];
                int[] next = {0};
                spill.readBand(b, (row, key) -> {
                    assertThat(row).isEqualTo(next[0]++);
                    band[row] = key;
                });
                assertThat(next[0]).isEqualTo(rows);
                for (int row = 0; row < rows; row++) {
                    assertThat(band[row]).as("row %d band %d", row, b).isEqualTo(keys[row][b]);
                }
            }
            for (int row = rows - 1; row >= 0; row--) {
                assertThat(spill.text(row)).as("row %d", row).isEqualTo(texts.get(row));
                assertThat(spill.location(row)).as("row %d", row).isEqualTo(location(row));
            }
            // a reader of its own, at random (as the later split's rows are read) and in order (the earlier split's)
            NearDuplicateSpill.Reader reader = spill.reader();
            List<Integer> order = new ArrayList<>(IntStream.range(0, rows).boxed().toList());
            Collections.shuffle(order, random);
            order.addAll(IntStream.range(0, rows).boxed().toList());
            for (int row : order) {
                assertThat(reader.text(row)).as("row %d", row).isEqualTo(texts.get(row));
                assertThat(reader.textHash(row)).as("row %d", row).isEqualTo(~location(row));
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    /** A location per row, unlike its neighbours' in every byte (the row number spread by a multiplication). */
    private static long location(int row) {
        return (row + 1) * 0x9E3779B97F4A7C15L;
    }

    /** Texts short and long (beyond the 1 KB read and the 64 KB write buffer), in several scripts, an emoji and a lone surrogate. */
    private static String text(int row, Random random) {
        return switch (row % 7) {
            case 0 -> "";
            case 1 -> "near-duplicate " + row;
            case 2 -> "Größenänderung – ℌ𝔢𝔩𝔩𝔬 🙂 " + row;
            case 3 -> "unpaired \uD83D surrogate " + row + '\uDC00';
            case 4 -> "x".repeat(900 + random.nextInt(400)) + row;
            case 5 -> row % 5 == 0 ? "é".repeat(70_000) : "日本語のテキスト " + row;
            default -> "word " + random.nextInt();
        };
    }
}
