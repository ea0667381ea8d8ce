package dev.driftwatch.engine.vocabulary;

/** A vocabulary file that is missing or malformed; the message names the file and, where known, the line. */
public final class VocabularyException extends RuntimeException {
    public VocabularyException(String message) {
        super(message);
    }
}
