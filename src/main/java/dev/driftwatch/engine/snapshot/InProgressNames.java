package dev.driftwatch.engine.snapshot;

import java.util.Locale;

/**
 * Names writers give to what they have not finished: {@code *.tmp}, {@code *.part}, names that start with
 * {@code .}, anything under {@code _temporary/} (Spark, Hadoop), and the ready marker itself. Such files
 * are never snapshot files, and such folders or files never snapshots.
 */
public final class InProgressNames {
    private InProgressNames() {
    }

    /**
     * @param relativePath a path inside the source folder or inside a snapshot folder, {@code /}-separated
     * @param readyMarker  the dataset's ready marker, or null
     */
    public static boolean isInProgress(String relativePath, String readyMarker) {
        String[] parts = relativePath.split("/");
        for (String part : parts) {
            if (part.startsWith(".") || part.equals("_temporary")) {
                return true;
            }
        }
        String name = parts[parts.length - 1];
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".tmp") || lower.endsWith(".part") || name.equals(readyMarker);
    }
}
