package dev.driftwatch.engine.read;

/** Removes a UTF-8 byte order mark that a decoder left at the start of a text. */
final class Bom {
    private Bom() {
    }

    static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
