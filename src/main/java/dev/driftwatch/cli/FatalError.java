package dev.driftwatch.cli;

/**
 * The one line the command line prints for a {@link java.lang.Error} (out of memory, a stack overflow, a class
 * that cannot load), instead of a stack trace: what happened, while doing what, and what to do. Stateless.
 */
public final class FatalError {
    private FatalError() {
    }

    /**
     * @param during what the command was doing ("evaluating snapshot s1.csv"), or null when unknown
     */
    public static String line(Error error, String during) {
        String when = during == null ? "" : " while " + during;
        if (error instanceof OutOfMemoryError) {
            return "driftwatch: out of memory" + when + " (" + oneLine(error.getMessage()) + "); raise the heap limit, "
                    + "for example java -Xmx4g -jar driftwatch.jar ..., or split the snapshot into smaller files";
        }
        return "driftwatch: internal error" + when + ": " + oneLine(error.toString())
                + "; please report it with the command line and the rules file";
    }

    private static String oneLine(String text) {
        return text == null ? "no detail" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
