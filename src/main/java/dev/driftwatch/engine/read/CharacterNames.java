package dev.driftwatch.engine.read;

/** A delimiter or quote character as messages show it: {@code ';'} in prose, {@code ";"} as a rules-file value. */
final class CharacterNames {
    private CharacterNames() {
    }

    /** {@code ','}, {@code '\t'}, {@code '"'}. */
    static String quoted(char c) {
        return "'" + escaped(c) + "'";
    }

    /** The YAML value that declares the character: {@code ";"}, {@code "\t"}, {@code "\""}. */
    static String yaml(char c) {
        return "\"" + (c == '"' ? "\\\"" : c == '\\' ? "\\\\" : escaped(c)) + "\"";
    }

    private static String escaped(char c) {
        return switch (c) {
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\n' -> "\\n";
            default -> String.valueOf(c);
        };
    }
}
