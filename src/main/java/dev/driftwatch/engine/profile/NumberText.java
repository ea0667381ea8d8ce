package dev.driftwatch.engine.profile;

import java.math.BigDecimal;

/**
 * Numbers written as text, compared as numbers: {@code 0}, {@code 0.0}, {@code -0} and {@code +0.00} are one
 * number, {@code 1.5} and {@code 1.50} are one number, {@code 1.5} and {@code 15} are two. A number is what
 * {@link ValueType} reads as an integer or decimal (ASCII digits, optional sign, dot and exponent); the
 * comparison is exact (decimal, not binary). Stateless.
 */
public final class NumberText {
    /** Beyond this scale a canonical form is written with an exponent, so {@code 1e999999} stays short. */
    private static final int PLAIN_SCALE = 64;

    private NumberText() {
    }

    /** True when the (stripped) text is a number. */
    public static boolean isNumber(String stripped) {
        return ValueType.of(stripped).isNumeric();
    }

    /** The exact value of a number; call only when {@link #isNumber} holds. */
    public static BigDecimal value(String stripped) {
        return new BigDecimal(stripped.charAt(0) == '+' ? stripped.substring(1) : stripped);
    }

    /** True when both texts are numbers and equal as numbers. */
    public static boolean sameNumber(String a, String b) {
        return isNumber(a) && isNumber(b) && value(a).compareTo(value(b)) == 0;
    }

    /**
     * One spelling per number: no sign on zero, no trailing zeros, no exponent unless the number needs more
     * than {@value #PLAIN_SCALE} digits after or before the point ({@code 1.50} and {@code 01.5} -> {@code 1.5},
     * {@code -0.0} -> {@code 0}, {@code 1e3} -> {@code 1000}); call only when {@link #isNumber} holds.
     */
    public static String canonical(String stripped) {
        BigDecimal value = value(stripped);
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal shortest = value.stripTrailingZeros();
        return Math.abs(shortest.scale()) <= PLAIN_SCALE ? shortest.toPlainString() : shortest.toString();
    }
}
