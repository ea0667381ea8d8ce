package dev.driftwatch.engine.data;

import java.util.function.Consumer;

/**
 * A row consumer that a pass gives a thread of its own, where other consumers take turns on threads they share: for
 * one that does much more per row than counting (sketching and spilling every row's text), which would hold the others
 * up. The wrapped consumer may be a {@link SplitBySplitConsumer}.
 */
public record OwnThreadConsumer(Consumer<Row> consumer) implements Consumer<Row> {
    @Override
    public void accept(Row row) {
        consumer.accept(row);
    }
}
