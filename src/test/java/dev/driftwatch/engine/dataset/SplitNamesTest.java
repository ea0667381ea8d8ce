package dev.driftwatch.engine.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
