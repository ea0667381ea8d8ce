package dev.driftwatch.spark;

import dev.driftwatch.engine.rule.Evidence;
import java.io.Serializable;
import java.util.LinkedHashMap;

/** An {@link Evidence} as it travels from an executor to the driver, with its row's place in snapshot order and split. */
record EvidenceRow(long position, String split, String source, long line, String id,
                   LinkedHashMap<String, String> values) implements Serializable {

    static EvidenceRow of(PlacedRow row, Evidence evidence) {
        return of(row.position(), row.split(), evidence);
    }

    static EvidenceRow of(long position, String split, Evidence evidence) {
        return new EvidenceRow(position, split, evidence.source(), evidence.line(), evidence.id(),
                new LinkedHashMap<>(evidence.values()));
    }

    Evidence evidence() {
        return new Evidence(source, line, id, values);
    }
}
