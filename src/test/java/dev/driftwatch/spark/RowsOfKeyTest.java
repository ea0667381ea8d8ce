package dev.driftwatch.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rows of a key merge to the same counts and first places whatever the grouping and order of the parts. */
class RowsOfKeyTest {

    @Test
    void partsMergedInAnyOrderGiveTheWhole() {
        Random random = new Random(3);
        List<RowsOfKey> rows = new ArrayList<>();
        for (int position = 0; position < 200; position++) {
            rows.add(RowsOfKey.of(3, random.nextInt(3), position * 7L));
        }
        RowsOfKey inOrder = rows.stream().reduce((a, b) -> a.with(b, 4)).orElseThrow();
        Collections.shuffle(rows, random);
        RowsOfKey left = rows.subList(0, 90).stream().reduce((a, b) -> a.with(b, 4)).orElseThrow();
        RowsOfKey right = rows.subList(90, 200).stream().reduce((a, b) -> b.with(a, 4)).orElseThrow();
        RowsOfKey shuffled = right.with(left, 4);

        assertThat(shuffled.counts()).containsExactly(inOrder.counts());
        assertThat(java.util.Arrays.stream(inOrder.counts()).sum()).isEqualTo(200);
        for (int split = 0; split < 3; split++) {
            assertThat(shuffled.first()[split]).containsExactly(inOrder.first()[split]).hasSize(4).isSorted();
        }
    }
}
