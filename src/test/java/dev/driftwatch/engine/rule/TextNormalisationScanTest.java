package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.profile.NumberText;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one-scan normalisation gives what the plain regular expressions give ({@code \p{P}+} removed, then
 * {@code \s+} collapsed and stripped), for every combination of steps, on random texts mixing ASCII, Latin-1,
 * full-width forms, ligatures, Unicode punctuation and spaces, Greek sigma and letters beyond the BMP.
 */
class TextNormalisationScanTest {
    private static final String[] PIECES = {
            "a", "B", "z", "Q", "7", "0", ".", ",", "!", "?", "-", "'", "\"", "(", ")", "_", "<", "=", ">", "+", "$",
            " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0", "\u2003", "\u3000", "\u001C",
            "é", "E\u0301", "ß", "İ", "ﬁ", "Ａ", "１", "．", "²", "½", "ª", "\u00AD",
            "\u201C", "\u201D", "\u2014", "\u2010", "\u30FB", "\u00BF", "\u00A1", "\u00B7",
            "Σ", "ΑΣ", "σ", "ς", "𝘢", "\uD800\uDD00", "\uD83D\uDE00", "\uD800", "1.5", "+2", "1e3", "-0.50"};

    /** Characters frequent in plain text, so that numbers, words and runs of spaces turn up among the random ones. */
    private static final String COMMON = " aZ.,-+9 1\t";

    @Test
    void everyCombinationMatchesTheRegularExpressions() {
        everyCombinationMatchesTheRegularExpressionsOn(new Random(13), random -> {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            return text.toString();
        });
    }

    @Test
    void textsOfOnlyCharactersBelowNoBreakSpaceMatchTheRegularExpressions() {
        everyCombinationMatchesTheRegularExpressionsOn(new Random(17), random -> {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) (random.nextBoolean() ? random.nextInt(0xA0) : COMMON.charAt(random.nextInt(COMMON.length())));
            }
            return new String(text);
        });
    }

    /** Every combination of steps, each on 20,000 texts drawn from {@code texts}. */
    private static void everyCombinationMatchesTheRegularExpressionsOn(Random random, Function<Random, String> texts) {
        for (int flags = 0; flags < 16; flags++) {
            var normalisation = new TextNormalisation((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0);
            for (int n = 0; n < 20_000; n++) {
                String value = texts.apply(random);
                assertThat(normalisation.apply(value)).as("%s of [%s]", normalisation, value)
                        .isEqualTo(byRegularExpressions(normalisation, value));
            }
        }
    }

    /** The normalisation as it was written with regular expressions. */
    private static String byRegularExpressions(TextNormalisation n, String text) {
        if (n.isNone()) {
            return text;
        }
        String t = n.unicode() ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        String stripped = t.strip();
        if (!stripped.isEmpty() && NumberText.isNumber(stripped)) {
            return NumberText.canonical(stripped);
        }
        if (n.caseFold()) {
            t = t.toLowerCase(Locale.ROOT);
        }
        if (n.punctuation()) {
            t = t.replaceAll("\\p{P}+", "");
        }
        if (n.whitespace()) {
            t = t.replaceAll("\\s+", " ").strip();
        }
        return t;
    }
}
