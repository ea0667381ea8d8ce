package dev.driftwatch.engine.read;

import java.io.IOException;
import java.io.InputStream;

/** Streams the rows of one file into a sink; never holds the whole file in memory. */
public interface RowReader {
    /**
     * @param in     the decompressed bytes of the file
     * @param source the file name reported in rows and problems
     * @param split  the split every row of this file belongs to
     * @throws IOException when the file cannot be read at all (a problem with one row goes to the sink)
     */
    void read(InputStream in, String source, String split, RowSink sink) throws IOException;
}
