package dev.driftwatch.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key splits.order, and the file:line: key: problem of each mistake in it. */
class SplitOrderKeysTest {
    private static final String START = "dataset: d\nsource: s\n";

    @TempDir
    Path dir;

    @Test
    void theOrderReachesTheSplitPolicyAndTheSchemaKnowsIt() throws IOException {
        Path file = RulesFiles.write(dir, START + "splits:\n  by: file\n  files: {exam: a.csv, fit: b.csv}\n  order: [fit, exam]\n");
        assertThat(new RulesFileLoader().load(file).dataset().splits().order()).containsExactly("fit", "exam");
        assertThat(new RulesSchema().check(file, Files.readString(file))).isEmpty();
    }

    @Test
    void withoutAnOrderTheKnownNamesAreUsed() throws IOException {
        Path file = RulesFiles.write(dir, START + "splits: {by: column, column: split}\n");
        var splits = new RulesFileLoader().load(file).dataset().splits();
        assertThat(splits.order()).isEmpty();
        assertThat(splits.effectiveOrder()).isEqualTo(List.of("train", "val", "validation", "test"));
    }

    @Test
    void mistakesInTheOrderAreReportedAtItsLine() throws IOException {
        RulesFiles.assertRefused(dir, START + "splits:\n  by: file\n  files: {train: a.csv, test: b.csv}\n  order: [train, tset]\n",
                "6: splits.order: expected one of the splits of files (train, test) but found 'tset'");
        RulesFiles.assertRefused(dir, START + "splits:\n  by: column\n  column: split\n  order: [train, test, train]\n",
                "6: splits.order: expected each split once but found 'train' twice");
        RulesFiles.assertRefused(dir, START + "splits:\n  by: column\n  column: split\n  order: [train, '']\n",
                "6: splits.order: expected split names but found an empty one");
    }
}
