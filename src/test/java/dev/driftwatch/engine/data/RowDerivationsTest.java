package dev.driftwatch.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A row check asks for an attached derivation by an equal instance of its own: compared by value once, then by identity. */
class RowDerivationsTest {
    private static final Header HEADER = new Header(List.of("title"));

    /** The title's length; counts how often it is computed and compared. */
    private static final class TitleLength implements RowDerivation<Integer> {
        private final AtomicInteger derived;
        private final AtomicInteger compared;

        TitleLength(AtomicInteger derived, AtomicInteger compared) {
            this.derived = derived;
            this.compared = compared;
        }

        @Override
        public Integer derive(Row row) {
            derived.incrementAndGet();
            return row.text("title").length();
        }

        @Override
        public boolean equals(Object other) {
            compared.incrementAndGet();
            return other instanceof TitleLength;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    /** Another derivation, equal to no TitleLength. */
    private record Upper(String column) implements RowDerivation<String> {
        @Override
        public String derive(Row row) {
            return row.text(column).toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void anEqualInstanceGetsTheAttachedValueAndIsComparedByValueOnlyOnce() {
        var derived = new AtomicInteger();
        var compared = new AtomicInteger();
        var attached = new RowDerivations(List.of(new Upper("title"), new TitleLength(derived, new AtomicInteger())));
        var asked = new TitleLength(new AtomicInteger(), compared);
        int rows = 1_000;
        for (int i = 0; i < rows; i++) {
            Row row = new Row(HEADER, new Object[] {"x".repeat(i % 7)}, "all", "f.csv", i + 2);
            row.attach(attached);
            assertThat(row.derived(asked)).isEqualTo(i % 7);
            assertThat(row.derived(new Upper("title"))).isEqualTo("X".repeat(i % 7));
        }
        assertThat(derived.get()).as("attached once per row, never computed again for the asking instance").isEqualTo(rows);
        assertThat(compared.get()).as("the asking instance compared with the two attached ones on its first lookup only")
                .isEqualTo(2);
    }

    @Test
    void aDerivationNotAttachedIsComputedEachTime() {
        var derived = new AtomicInteger();
        var attached = new RowDerivations(List.of(new Upper("title")));
        var asked = new TitleLength(derived, new AtomicInteger());
        Row row = new Row(HEADER, new Object[] {"abc"}, "all", "f.csv", 2);
        row.attach(attached);
        assertThat(row.derived(asked)).isEqualTo(3);
        assertThat(row.derived(asked)).isEqualTo(3);
        assertThat(derived.get()).isEqualTo(2);
    }
}
