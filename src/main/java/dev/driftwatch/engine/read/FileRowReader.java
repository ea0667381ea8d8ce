package dev.driftwatch.engine.read;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A reader that needs the file itself rather than a stream of its bytes: a format whose index is at the end
 * (a Parquet footer) is read by seeking. Its stream form copies the stream to a temporary file first.
 */
public interface FileRowReader extends RowReader {
    /**
     * @param file   the file on disk, read as it is (not decompressed: the format compresses its own parts)
     * @param source the file name reported in rows and problems
     * @param split  the split every row of this file belongs to
     * @throws IOException when the file cannot be read at all
     */
    void read(Path file, String source, String split, RowSink sink) throws IOException;
}
