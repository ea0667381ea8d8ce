package dev.driftwatch.engine.profile;

import dev.driftwatch.engine.data.Header;
import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.read.Format;
import dev.driftwatch.engine.read.ReadProblem;
import dev.driftwatch.engine.read.RowSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Rows for profiler tests: read from a real file, or generated from a seed. */
final class ProfileRows {
    private ProfileRows() {
    }

    static List<Row> read(Path file, String split) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Format.ofFileName(file.getFileName().toString()).reader().read(in, file.getFileName().toString(), split,
                    new RowSink() {
                        @Override
                        public void accept(Row row) {
                            rows.add(row);
                        }

                        @Override
                        public void reject(ReadProblem problem) {
                            throw new IllegalStateException(problem.toString());
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Rows with a numeric, a categorical, a text and a tags column, in splits train/test, some missing. */
    static List<Row> generated(int count, long seed) {
        var random = new Random(seed);
        var header = new Header(List.of("id", "amount", "country", "title", "tags"));
        String[] countries = {"IT", "I.T.", "it", "DE", "FR", "US", ""};
        String[] words = {"graph", "image", "model", "text", "vision", "token", "layer", "data", "learning", "net"};
        String[] tags = {"cv", "nlp", "mlops", "rl", "graphs"};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var title = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int w = 0; w < length; w++) {
                title.append(words[random.nextInt(words.length)]).append(' ');
            }
            List<String> rowTags = new ArrayList<>();
            for (String tag : tags) {
                if (random.nextInt(4) == 0) {
                    rowTags.add(tag);
                }
            }
            String amount = random.nextInt(50) == 0 ? "n/a" : String.valueOf(Math.round(random.nextGaussian() * 1000) / 10.0);
            Object[] values = {String.valueOf(i % (count - count / 50)), amount, countries[random.nextInt(countries.length)],
                    title.toString().strip(), rowTags};
            rows.add(new Row(header, values, random.nextInt(5) == 0 ? "test" : "train", "generated", i + 2));
        }
        return rows;
    }
}
