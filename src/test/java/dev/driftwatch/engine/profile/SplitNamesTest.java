package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A split column's values name their splits stripped, blanks name (none), and each split is one String. */
class SplitNamesTest {
    @Test
    void valuesAreStrippedBlanksAreNoneAndEqualNamesAreOneString() {
        var names = new SplitNames();
        String train = names.of(new String("train"));
        assertThat(train).isEqualTo("train");
        assertThat(names.of(new String("train"))).isSameAs(train);
        assertThat(names.of(" train ")).isSameAs(train);
        assertThat(names.of(new String(" train "))).isSameAs(train);
        assertThat(names.of("test\t")).isEqualTo("test");
        assertThat(names.of(null)).isEqualTo("(none)");
        assertThat(names.of("  ")).isEqualTo("(none)");
        assertThat(names.of("")).isEqualTo("(none)");
    }

    @Test
    void aColumnOfManyDistinctValuesStillNamesEachRowsSplit() {
        var names = new SplitNames();
        for (int i = 0; i < 5_000; i++) {
            assertThat(names.of(" s" + i)).isEqualTo("s" + i);
        }
        assertThat(names.of(" s4999 ")).isEqualTo("s4999");
    }
}
