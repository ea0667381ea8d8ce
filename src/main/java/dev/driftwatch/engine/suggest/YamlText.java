package dev.driftwatch.engine.suggest;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Values written as YAML text: strings double-quoted (JSON escapes, valid YAML), lists in flow style. */
final class YamlText {
    private YamlText() {
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String list(List<String> values) {
        return values.stream().map(YamlText::string).collect(Collectors.joining(", ", "[", "]"));
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A comment's text on one line (values from the data may hold line breaks). */
    static String comment(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
