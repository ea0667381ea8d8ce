package dev.driftwatch.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitOrderTest {
    private static List<Row> rowsOf(String... splits) {
        Header header = new Header(List.of("x"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < splits.length; i++) {
            // a String of its own per row, as the reader makes them
            rows.add(new Row(header, new Object[] {"v" + i}, new String(splits[i]), "f.csv", i + 2));
        }
        return rows;
    }

    private static List<Integer> order(List<Row> rows) {
        return IntStream.of(SplitOrder.of(rows)).boxed().toList();
    }

    @Test
    void eachSplitsRowsComeTogetherInFileOrderSplitsAsFirstMet() {
        assertEquals(List.of(0, 2, 5, 1, 4, 3), order(rowsOf("train", "test", "train", "val", "test", "train")));
    }

    @Test
    void beyondTheGroupedSplitsTheRowsLeftComeInFileOrder() {
        int splits = SplitOrder.MAX_GROUPED + 2;
        String[] twice = new String[2 * splits];
        for (int i = 0; i < twice.length; i++) {
            twice[i] = "s" + (i % splits);
        }
        List<Integer> expected = new ArrayList<>();
        for (int s = 0; s < SplitOrder.MAX_GROUPED; s++) {
            expected.add(s);
            expected.add(s + splits);
        }
        // the first row of the ninth split and every row after it not yet visited, in file order
        expected.addAll(List.of(8, 9, 18, 19));
        assertEquals(expected, order(rowsOf(twice)));
    }

    @Test
    void everyRowIsVisitedOnce() {
        String[] splits = IntStream.range(0, 512).mapToObj(i -> "s" + (i * 7 % 13)).toArray(String[]::new);
        List<Integer> visited = order(rowsOf(splits));
        assertEquals(IntStream.range(0, 512).boxed().toList(), visited.stream().sorted().toList());
    }
}
