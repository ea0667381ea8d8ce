package dev.driftwatch.engine.read;

/**
 * Which common delimiter a line of delimited text looks separated by, when the declared one does not fit: a
 * semicolon-separated file read as csv comes out as one field per row. Quotes are not considered: it is a hint.
 */
final class DelimiterHint {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private DelimiterHint() {
    }

    /** The candidate other than {@code current} that splits {@code line} into exactly {@code fields} fields, or null. */
    static Character splittingInto(String line, char current, int fields) {
        for (char candidate : CANDIDATES) {
            if (candidate != current && parts(line, candidate) == fields) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The candidate other than {@code current} that splits a header into the most names, at least two, none of them
     * blank; or null.
     */
    static Character splittingNames(String header, char current) {
        Character best = null;
        int most = 1;
        for (char candidate : CANDIDATES) {
            int parts = parts(header, candidate);
            if (candidate != current && parts > most && noBlankName(header, candidate)) {
                best = candidate;
                most = parts;
            }
        }
        return best;
    }

    private static int parts(String line, char delimiter) {
        int parts = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                parts++;
            }
        }
        return parts;
    }

    private static boolean noBlankName(String header, char delimiter) {
        int start = 0;
        for (int i = 0; i <= header.length(); i++) {
            if (i == header.length() || header.charAt(i) == delimiter) {
                if (header.substring(start, i).isBlank()) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }
}
