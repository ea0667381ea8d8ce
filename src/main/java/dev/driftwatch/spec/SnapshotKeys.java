package dev.driftwatch.spec;

import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SnapshotOrder;
import java.time.Duration;
import java.util.Arrays;

/**
 * The dataset keys that say where its snapshots are, when one is complete and in which order: {@code layout},
 * {@code files}, {@code settle}, {@code ready_marker} and {@code order}. Each mistake names its key.
 */
final class SnapshotKeys {
    private SnapshotKeys() {
    }

    /** @throws IllegalArgumentException "key: problem", the key relative to the document */
    static SnapshotLayout layout(DatasetDocument doc) {
        String kind = doc.layout() == null ? "folder_per_snapshot" : doc.layout();
        SnapshotLayout.Kind layout = switch (kind) {
            case "folder_per_snapshot" -> SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT;
            case "file_per_snapshot" -> SnapshotLayout.Kind.FILE_PER_SNAPSHOT;
            default -> throw new IllegalArgumentException(
                    "layout: expected folder_per_snapshot or file_per_snapshot but found " + kind);
        };
        String glob = doc.files() != null ? doc.files() : layout == SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT ? "**" : "*";
        if (glob.isBlank()) {
            throw new IllegalArgumentException("files: expected a file pattern but found an empty one");
        }
        String marker = doc.readyMarker();
        if (marker != null && (marker.isBlank() || marker.contains("/") || marker.contains("\\"))) {
            throw new IllegalArgumentException("ready_marker: expected a file name, such as _SUCCESS, but found '" + marker + "'");
        }
        if (marker != null && layout != SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT) {
            throw new IllegalArgumentException("ready_marker: expected layout folder_per_snapshot (the marker is a file "
                    + "inside each snapshot folder) but found " + kind);
        }
        if (marker != null && doc.settle() != null) {
            throw new IllegalArgumentException("settle: expected either settle or ready_marker but found both (with a "
                    + "ready marker, a snapshot is complete as soon as its marker exists)");
        }
        return new SnapshotLayout(layout, glob, settle(doc.settle()), marker, order(doc.order()));
    }

    private static Duration settle(String text) {
        if (text == null) {
            return SnapshotLayout.DEFAULT_SETTLE;
        }
        Duration settle;
        try {
            settle = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settle: " + e.getMessage(), e);
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("settle: expected a duration of zero or more but found '" + text + "'");
        }
        return settle;
    }

    private static SnapshotOrder order(String text) {
        if (text == null) {
            return SnapshotOrder.MODIFIED;
        }
        return Arrays.stream(SnapshotOrder.values()).filter(o -> o.id().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("order: expected "
                        + String.join(" or ", Arrays.stream(SnapshotOrder.values()).map(SnapshotOrder::id).toList())
                        + " but found '" + text + "'"));
    }
}
