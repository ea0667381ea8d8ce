package dev.driftwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes test datasets: a rules file in a rules folder and CSV snapshots in the dataset's source
 * folder ({@code <root>/data/<name>}); a snapshot counts as complete at once ({@code settle: 0s}). Every dataset
 * has one rule, {@code glucose-measured}: at most 25% of {@code glucose} may be missing, a {@code 0} counting as
 * missing (the dataset's missing token, so the profile counts it too).
 */
public final class TestDatasets {
    /** Four rows, no glucose missing: the rule passes (observed 0). */
    public static final String HEALTHY = "id,age,glucose\n1,30,85\n2,41,90\n3,52,101\n4,33,97\n";
    /** Four rows, glucose 0 on file lines 3 and 5 (ids 2 and 4): observed 2/4 = 0.5, the rule fails. */
    public static final String UNMEASURED = "id,age,glucose\n1,30,85\n2,41,0\n3,52,101\n4,33,0\n";

    private final Path root;

    public TestDatasets(Path root) {
        this.root = root;
    }

    public Path rules() {
        return root.resolve("rules");
    }

    public Path source(String dataset) {
        return root.resolve("data").resolve(dataset);
    }

    /** Declares a dataset whose snapshots are the {@code *.csv} files of {@link #source}; the folder is not created. */
    public Path declare(String dataset) {
        return declare(dataset, "");
    }

    /** As {@link #declare(String)}, with more top-level keys (YAML lines) at the end; one may be {@code settle:}. */
    public Path declare(String dataset, String moreKeys) {
        return write(rules().resolve(dataset + ".yaml"), """
                dataset: %s
                source: %s
                layout: file_per_snapshot
                files: "*.csv*"
                %s
                columns:
                  id: id
                  missing_tokens: {glucose: ["0"]}
                rules:
                  - name: glucose-measured
                    kind: missing_values
                    severity: error
                    columns: [glucose]
                    tokens: ["0"]
                    max_ratio: 0.25
                """.formatted(dataset, source(dataset).toAbsolutePath(), moreKeys.contains("settle:") ? "" : "settle: 0s")
                + moreKeys);
    }

    public Path snapshot(String dataset, String file, String csv) {
        return write(source(dataset).resolve(file), csv);
    }

    /** The hex SHA-256 of a text's UTF-8 bytes, counted with MessageDigest: an independent recount of a fingerprint. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
