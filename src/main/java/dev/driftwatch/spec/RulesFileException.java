package dev.driftwatch.spec;

import java.nio.file.Path;

/** A rules file that cannot be used, with where the mistake is: file, line and key. */
public final class RulesFileException extends RuntimeException {
    private final Path file;
    private final int line;
    private final String key;
    private final String problem;

    public RulesFileException(Path file, int line, String key, String problem) {
        super(file + ":" + line + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + problem);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the mistake; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The path of the offending key, such as {@code rules[2].max_ratio}; empty for the whole file. */
    public String key() {
        return key;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
