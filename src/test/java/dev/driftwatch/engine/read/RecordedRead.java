package dev.driftwatch.engine.read;

import dev.driftwatch.engine.data.Row;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What a reader made of some bytes: the rows and the problems, in order, and the physical lines it reported. */
record RecordedRead(List<Row> rows, List<ReadProblem> problems, List<Long> lines) {
    static RecordedRead of(RowReader reader, byte[] bytes, String source, String split) throws IOException {
        var read = new RecordedRead(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        reader.read(new ByteArrayInputStream(bytes), source, split, new RowSink() {
            @Override
            public void accept(Row row) {
                read.rows().add(row);
            }

            @Override
            public void reject(ReadProblem problem) {
                read.problems().add(problem);
            }

            @Override
            public void linesRead(long lines) {
                read.lines().add(lines);
            }
        });
        return read;
    }
}
