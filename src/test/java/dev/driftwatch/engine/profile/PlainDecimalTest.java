package dev.driftwatch.engine.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainDecimalTest {
    @Test
    void equalsParseDoubleBitForBitOnRandomPlainDecimals() {
        var random = new SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) == 0) {
                text.append(random.nextBoolean() ? '-' : '+');
            }
            int intDigits = random.nextInt(0, 12);
            int decimals = random.nextInt(0, 24);
            for (int d = 0; d < intDigits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (decimals > 0 || random.nextBoolean()) {
                text.append('.');
            }
            for (int d = 0; d < decimals; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            String s = text.toString();
            if (s.chars().noneMatch(Character::isDigit)) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(PlainDecimal.parse(s)), s);
        }
    }

    @Test
    void handsEverythingElseToParseDouble() {
        for (String s : List.of("-0", "0.0", "1e5", "-2.5E-3", "NaN", "Infinity", "0x1p3", "1234567890123456789",
                "0.1234567890123456789", "000000000000000000000012.5", "9007199254740993", "1.", ".5", "-.5")) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(PlainDecimal.parse(s)), s);
        }
        for (String s : List.of("", "-", ".", "1.2.3", "12a", "+-1")) {
            assertThrows(NumberFormatException.class, () -> PlainDecimal.parse(s), s);
        }
    }
}
