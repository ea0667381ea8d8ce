package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.dataset.SnapshotLayout;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.snapshot.Snapshot;
import dev.driftwatch.engine.snapshot.SnapshotDiscovery;
import dev.driftwatch.engine.snapshot.SnapshotException;
import dev.driftwatch.engine.snapshot.SnapshotFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes evaluated are the bytes fingerprinted: the SHA-256 comes from the parsing pass, and a file that
 * changes while it is read fails the run. A row consumer changes the file on the first row it sees; the reader
 * can be at most 18 batches of 512 rows ahead of it (the consumer's queue holds 16 batches): 9,216 rows, 99,247
 * bytes here, plus 72 kB of buffers, so the change lands early in the 2,466,910-byte file, deterministically.
 */
class ContentReadTest {
    private static final int ROWS = 200_000;
    private static final Instant FOUND = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-01-01T00:00:30Z");

    @TempDir
    Path temp;

    @Test
    void aFileRewrittenInPlaceWhileItIsReadFailsWithSizeAndTimes() throws IOException {
        Path file = generated("rewritten.csv");
        long size = Files.size(file);
        Snapshot snapshot = found(file);
        Consumer<Row> rewriteOnce = once(() -> {
            try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.write(csv(ROWS).replace(',', ';').getBytes(StandardCharsets.US_ASCII)); // same length, other bytes
            }
            Files.setLastModifiedTime(file, FileTime.from(CHANGED));
        });

        assertThatThrownBy(() -> read(file, snapshot, rewriteOnce))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("the file changed while it was read: " + file + " (size " + size + " -> " + size
                        + ", modified 2026-01-01T00:00:00Z -> 2026-01-01T00:00:30Z)");
    }

    @Test
    void aFileTruncatedWhileItIsReadFailsInsteadOfCountingAsSucceeded() throws IOException {
        Path file = generated("truncated.csv");
        long size = Files.size(file);
        Snapshot snapshot = found(file);
        Consumer<Row> truncateOnce = once(() -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(size / 2);
            }
            Files.setLastModifiedTime(file, FileTime.from(CHANGED));
        });

        assertThatThrownBy(() -> read(file, snapshot, truncateOnce))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("the file changed while it was read: " + file + " (size " + size + " -> " + size / 2
                        + ", modified 2026-01-01T00:00:00Z -> 2026-01-01T00:00:30Z)");
    }

    @Test
    void aFileChangedBetweenDiscoveryAndTheReadIsNotParsed() throws IOException {
        Path file = generated("touched.csv");
        long size = Files.size(file);
        Snapshot snapshot = found(file);
        Files.setLastModifiedTime(file, FileTime.from(CHANGED));
        AtomicBoolean parsed = new AtomicBoolean();

        assertThatThrownBy(() -> read(file, snapshot, row -> parsed.set(true)))
                .hasMessage("the file changed while it was read: " + file + " (size " + size + " -> " + size
                        + ", modified 2026-01-01T00:00:00Z -> 2026-01-01T00:00:30Z)");
        assertThat(parsed).isFalse();
    }

    @Test
    void theSha256OfTheReadIsWhatSha256sumPrintsForTheFile() throws Exception {
        Path file = generated("whole.csv");
        Path gzip = temp.resolve("whole.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(file));
        }

        ProfiledSnapshot plain = read(file, found(file), row -> { });
        ProfiledSnapshot compressed = read(gzip, found(gzip), row -> { });

        assertThat(plain.profile().rows()).isEqualTo(ROWS);
        assertThat(plain.snapshot().fingerprint()).isEqualTo(sha256sum(temp, "whole.csv"))
                .isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(plain.snapshot().files()).extracting(SnapshotFile::sha256).containsExactly(sha256sum(temp, "whole.csv"));
        assertThat(compressed.profile().rows()).isEqualTo(ROWS);
        assertThat(compressed.snapshot().fingerprint()).as("the file's bytes, before decompression")
                .isEqualTo(sha256sum(temp, "whole.csv.gz"));
    }

    @Test
    void aFolderSnapshotsSha256IsThatOfItsSha256sumListing() throws Exception {
        Path folder = Path.of("src/examples/madewithml-split/snapshots/s24_2023-07-26_Made-With-ML_776a75b");
        var layout = new SnapshotLayout(SnapshotLayout.Kind.FOLDER_PER_SNAPSHOT, "*.csv");
        var dataset = new DatasetDefinition("split", folder.getParent(), layout, null, null, null, null, null, null, 0.01, null);
        Snapshot snapshot = new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(dataset, folder).orElseThrow();

        ProfiledSnapshot read = new Profiler(2).read(dataset, snapshot, ProfileRequest.builder(ColumnRoles.none()).build(), List.of());

        String listing = shell(folder, "sha256sum dataset.csv holdout.csv");
        assertThat(listing).hasLineCount(2);
        assertThat(read.snapshot().fingerprint()).isEqualTo(shell(folder, "sha256sum dataset.csv holdout.csv | sha256sum").substring(0, 64));
        assertThat(read.snapshot().files()).extracting(SnapshotFile::sha256)
                .containsExactly(listing.lines().map(line -> line.substring(0, 64)).toArray(String[]::new));
    }

    private ProfiledSnapshot read(Path file, Snapshot snapshot, Consumer<Row> consumer) {
        var dataset = new DatasetDefinition("t", file.getParent(), new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT,
                file.getFileName().toString()), null, null, SplitPolicy.none(), null, null, null, 0.01, null);
        return new Profiler(2).read(dataset, snapshot, ProfileRequest.builder(ColumnRoles.none()).build(), List.of(consumer));
    }

    private Snapshot found(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(FOUND));
        var dataset = new DatasetDefinition("t", file.getParent(), new SnapshotLayout(SnapshotLayout.Kind.FILE_PER_SNAPSHOT,
                file.getFileName().toString()), null, null, null, null, null, null, 0.01, null);
        return new SnapshotDiscovery(Clock.systemUTC()).snapshotAt(dataset, file).orElseThrow();
    }

    private Path generated(String name) throws IOException {
        return Files.writeString(temp.resolve(name), csv(ROWS), StandardCharsets.US_ASCII);
    }

    private static String csv(int rows) {
        StringBuilder text = new StringBuilder("id,value,label\n");
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(',').append(i * 7 % 1000).append(",x\n");
        }
        return text.toString();
    }

    private interface Change {
        void apply() throws IOException;
    }

    private static Consumer<Row> once(Change change) {
        AtomicBoolean done = new AtomicBoolean();
        return row -> {
            if (done.compareAndSet(false, true)) {
                try {
                    change.apply();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    private static String sha256sum(Path folder, String file) throws Exception {
        return shell(folder, "sha256sum " + file).substring(0, 64);
    }

    private static String shell(Path folder, String command) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", command).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
