package dev.driftwatch.engine.rule.rows;

import com.carrotsearch.hppc.LongObjectHashMap;

/**
 * The texts of label sets by fingerprint, for evidence about rows that are no longer at hand: at most
 * {@link #LIMIT} distinct label sets (about 1 MB); beyond that a label set reads as not kept.
 */
final class LabelTexts {
    static final int LIMIT = 10_000;
    static final String NOT_KEPT = "(not kept: more than 10,000 distinct label sets)";
    private final LongObjectHashMap<String> texts = new LongObjectHashMap<>();

    void remember(long fingerprint, String text) {
        if (texts.size() < LIMIT && !texts.containsKey(fingerprint)) {
            texts.put(fingerprint, text);
        }
    }

    String of(long fingerprint) {
        String text = texts.get(fingerprint);
        return text == null ? NOT_KEPT : text;
    }
}
