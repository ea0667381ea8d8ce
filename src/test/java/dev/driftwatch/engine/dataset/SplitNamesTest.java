package dev.driftwatch.engine.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitNamesTest {
    @Test
    void equalValuesOfDifferentRowsBecomeOneInstance() {
        var names = new SplitNames();
        String first = names.of(new String(" train"));
        String second = names.of(new String("train "));
        assertEquals("train", first);
        assertSame(first, second);
        assertEquals("test", names.of(new String("test")));
    }

    @Test
    void anAbsentOrBlankValueIsTheNoneSplit() {
        var names = new SplitNames();
        assertSame(SplitNames.NONE, names.of(null));
        assertSame(SplitNames.NONE, names.of(""));
        assertSame(SplitNames.NONE, names.of(" \t"));
    }

    @Test
    void beyondTheKeptNamesASplitIsStillEqualButAnInstanceOfItsOwn() {
        var names = new SplitNames();
        for (int i = 0; i < SplitNames.MAX_KEPT; i++) {
            names.of("split-" + i);
        }
        String late = names.of(new String("late"));
        String again = names.of(new String("late"));
        assertEquals(late, again);
        assertNotSame(late, again);
        assertSame(names.of(new String("split-7")), names.of(new String("split-7")));
    }

    @Test
    void aRowIsPlacedInTheSplitItsColumnNamesOrLeftAsItIs() {
        var names = new SplitNames();
        Header header = new Header(List.of("text", "split"));
        Row row = new Row(header, new Object[] {"a", " test "}, "all", "f.csv", 2);
        assertEquals("test", names.place(row, "split").split());
        assertSame(names.place(row, "split").split(), names.place(row, "split").split());
        assertSame(row, names.place(row, null));
    }
}
