package dev.driftwatch.engine.rule;

import dev.driftwatch.engine.profile.NumberText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How text is made comparable before two values are called equal: Unicode compatibility
 * normalisation (NFKC, so a full-width "Ａ" or a ligature "ﬁ" equals its plain form), case folding,
 * removal of punctuation (Unicode category P: {@code . , ! ? - ' " ( )}; symbols such as {@code < = > + $}
 * stay, so {@code <=50K} and {@code >50K} remain apart), and collapsing of whitespace. These steps apply to text
 * only: a value that is a number (after Unicode normalisation and stripping) compares as that number, so
 * {@code 1.5} and {@code 15} stay apart while {@code 1.50}, {@code 1.5} and {@code +1.5} are one value
 * ({@link NumberText#canonical}). With every step off, values compare as written. Immutable and thread-safe.
 */
public record TextNormalisation(boolean unicode, boolean caseFold, boolean punctuation, boolean whitespace) {
    /** Below U+00A0 NFKC changes nothing and each character lower-cases alone: one scan of a char table does it all. */
    private static final char PLAIN_BELOW = '\u00A0';
    /** What the plain scan does with a character below U+00A0 under a choice of steps: a character to keep, or these. */
    private static final char DROP = '\uFFFF';
    private static final char SPACE = '\uFFFE';
    /** By {@link #plainIndex}: each character's fate under one choice of the case, punctuation and whitespace steps. */
    private static final char[][] PLAIN = new char[8][];
    /** Each thread's buffer for {@link #plainScan}, which runs once per value compared. */
    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[256]);
    /** A longer text gets a buffer of its own, so that no thread keeps a large one. */
    private static final int MAX_SCRATCH = 1 << 16;

    static {
        for (int steps = 0; steps < PLAIN.length; steps++) {
            char[] fate = new char[PLAIN_BELOW];
            for (char c = 0; c < PLAIN_BELOW; c++) {
                if ((steps & 2) != 0 && isPunctuation(c)) {
                    fate[c] = DROP;
                } else if ((steps & 1) != 0 && isRegexSpace(c)) {
                    fate[c] = SPACE;
                } else {
                    fate[c] = (steps & 4) != 0 && c >= 'A' && c <= 'Z' ? (char) (c + 'a' - 'A') : c;
                }
            }
            PLAIN[steps] = fate;
        }
    }

    private int plainIndex() {
        return (caseFold ? 4 : 0) | (punctuation ? 2 : 0) | (whitespace ? 1 : 0);
    }

    /** Everything on: what duplicate and leakage checks use unless told otherwise. */
    public static TextNormalisation all() {
        return new TextNormalisation(true, true, true, true);
    }

    /** Nothing: values compare as written. */
    public static TextNormalisation none() {
        return new TextNormalisation(false, false, false, false);
    }

    /** The normalised form (a number's canonical spelling); null becomes the empty string. */
    public String apply(String text) {
        if (text == null) {
            return "";
        }
        if (isNone()) {
            return text;
        }
        String scanned = plainScan(text);
        String t = unicode && scanned == null ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        String stripped = t.strip();
        if (!stripped.isEmpty() && NumberText.isNumber(stripped)) {
            return NumberText.canonical(stripped);
        }
        if (scanned != null) {
            return scanned;
        }
        if (caseFold) {
            t = t.toLowerCase(Locale.ROOT);
        }
        if (punctuation || whitespace) {
            t = dropPunctuationAndCollapseSpaces(t);
        }
        return whitespace ? t.strip() : t;
    }

    /**
     * One scan doing what {@code replaceAll("\\p{P}+", "")} and then {@code replaceAll("\\s+", " ")} do, as
     * this normalisation's flags say: punctuation (Unicode category P, by code point) is dropped, and a run of
     * regex whitespace ({@code [ \t\n\x0B\f\r]}), also one broken only by dropped punctuation, becomes one space.
     */
    private String dropPunctuationAndCollapseSpaces(String t) {
        StringBuilder out = new StringBuilder(t.length());
        boolean inSpaces = false;
        for (int i = 0; i < t.length(); ) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (punctuation && isPunctuation(c)) {
                continue;
            }
            if (whitespace && isRegexSpace(c)) {
                if (!inSpaces) {
                    out.append(' ');
                    inSpaces = true;
                }
                continue;
            }
            out.appendCodePoint(c);
            inSpaces = false;
        }
        return out.toString();
    }

    /**
     * The case folding, punctuation and whitespace steps of a text whose characters are all below U+00A0, where NFKC
     * changes nothing and each character lower-cases alone; null as soon as a character is not.
     */
    private String plainScan(String t) {
        int n = t.length();
        char[] chars = SCRATCH.get();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
            if (chars.length <= MAX_SCRATCH) {
                SCRATCH.set(chars);
            }
        }
        t.getChars(0, n, chars, 0);
        char[] fate = PLAIN[plainIndex()];
        int length = 0;
        boolean inSpaces = false;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= PLAIN_BELOW) {
                return null;
            }
            char kept = fate[c];
            if (kept == SPACE) {
                if (!inSpaces) {
                    chars[length++] = ' ';
                    inSpaces = true;
                }
            } else if (kept != DROP) {
                chars[length++] = kept;
                inSpaces = false;
            }
        }
        String scanned = new String(chars, 0, length);
        return whitespace ? scanned.strip() : scanned;
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isRegexSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    public boolean isNone() {
        return !unicode && !caseFold && !punctuation && !whitespace;
    }

    /** For messages: "case, whitespace, punctuation and Unicode form". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (caseFold) {
            parts.add("case");
        }
        if (whitespace) {
            parts.add("whitespace");
        }
        if (punctuation) {
            parts.add("punctuation");
        }
        if (unicode) {
            parts.add("Unicode form");
        }
        if (parts.isEmpty()) {
            return "nothing";
        }
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
