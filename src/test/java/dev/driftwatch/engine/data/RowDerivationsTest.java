package dev.driftwatch.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A consumer's own instance of an attached derivation finds it, compared by equality once, by identity after. */
class RowDerivationsTest {
    /** Equal when the names are; counts how often it is compared by equality. */
    private static final class Named implements RowDerivation<String> {
        private final String name;
        private final AtomicInteger comparisons;

        Named(String name, AtomicInteger comparisons) {
            this.name = name;
            this.comparisons = comparisons;
        }

        @Override
        public String derive(Row row) {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            comparisons.incrementAndGet();
            return other instanceof Named named && named.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    @Test
    void anEqualInstanceIsMatchedByEqualityOnlyOnce() {
        var comparisons = new AtomicInteger();
        var derivations = new RowDerivations(List.of(new Named("a", comparisons), new Named("b", comparisons)));
        var asked = new Named("b", new AtomicInteger());

        for (int row = 0; row < 1_000; row++) {
            assertThat(derivations.indexOf(asked)).isEqualTo(1);
        }

        assertThat(comparisons.get()).isEqualTo(2);
    }

    @Test
    void anAttachedInstanceIsFoundWithoutEquality() {
        var comparisons = new AtomicInteger();
        var attached = new Named("a", comparisons);
        var derivations = new RowDerivations(List.of(attached));

        assertThat(derivations.indexOf(attached)).isZero();
        assertThat(comparisons.get()).isZero();
    }

    @Test
    void aDerivationNotAttachedIsNotFound() {
        var derivations = new RowDerivations(List.of(new Named("a", new AtomicInteger())));

        assertThat(derivations.indexOf(new Named("z", new AtomicInteger()))).isEqualTo(-1);
    }

    @Test
    void moreEqualInstancesThanAreRememberedAreStillFound() {
        var derivations = new RowDerivations(
                List.of(new Named("a", new AtomicInteger()), new Named("b", new AtomicInteger())));

        for (int i = 0; i < 500; i++) {
            var asked = new Named(i % 2 == 0 ? "a" : "b", new AtomicInteger());
            assertThat(derivations.indexOf(asked)).isEqualTo(i % 2);
            assertThat(derivations.indexOf(asked)).isEqualTo(i % 2);
        }
    }

    @Test
    void aRowGivesTheAttachedValueToAnEqualInstance() {
        var comparisons = new AtomicInteger();
        var row = new Row(new Header(List.of("x")), new Object[] {"1"}, "all", "f.csv", 2);
        var computed = new AtomicInteger();
        RowDerivation<Integer> attached = new Counting(computed);
        row.attach(new RowDerivations(List.of(new Named("a", comparisons), attached)));

        assertThat(row.derived(new Counting(new AtomicInteger()))).isEqualTo(1);
        assertThat(computed.get()).isEqualTo(1);
    }

    /** Equal to any other; its value is how often this instance derived. */
    private record Counting(AtomicInteger computed) implements RowDerivation<Integer> {
        @Override
        public Integer derive(Row row) {
            return computed.incrementAndGet();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Counting;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
