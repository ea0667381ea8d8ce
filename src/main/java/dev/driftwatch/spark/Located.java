package dev.driftwatch.spark;

import dev.driftwatch.engine.snapshot.Snapshot;

/** A snapshot and the store its files are read from. */
record Located(Snapshot snapshot, SnapshotStore store) {
}
