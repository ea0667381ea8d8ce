package dev.driftwatch.engine.data;

import java.util.function.Consumer;

/**
 * A row consumer whose result does not depend on the order of rows of different splits: a run may hand it each batch
 * split by split (the rows of one split still in file order, the splits in the order they first appear), as it
 * profiles them, so that the consumer's per-split state stays in the caches. It must not number rows by their arrival
 * (as {@code RowCheck.rowsToRevisit} does), as the numbers would no longer be file order.
 */
@FunctionalInterface
public interface SplitBySplitConsumer extends Consumer<Row> {
}
