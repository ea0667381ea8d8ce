package dev.driftwatch.engine.rule.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded selection gives what sorting everything and keeping the first n gives. */
class LeastItemsTest {
    @Test
    void sameAsAFullSort() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Integer> items = new ArrayList<>();
            int size = random.nextInt(300);
            for (int i = 0; i < size; i++) {
                items.add(random.nextInt(1_000_000));
            }
            List<Integer> distinct = items.stream().distinct().toList();
            int n = random.nextInt(15);
            Comparator<Integer> order = round % 2 == 0 ? Comparator.naturalOrder() : Comparator.reverseOrder();
            assertThat(UnseenTagsRule.least(distinct, order, n))
                    .isEqualTo(distinct.stream().sorted(order).limit(n).toList());
        }
    }
}
