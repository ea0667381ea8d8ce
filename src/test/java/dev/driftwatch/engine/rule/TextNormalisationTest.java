package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalisation changes text, never numbers: a number keeps its value, in one spelling. */
class TextNormalisationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.5|1.5", "15|15", "1.50|1.5", "+1.5|1.5", "01.5|1.5", "-0|0", "0.00|0", "1e3|1000", "-2.500|-2.5",
            "' 7 '|7", "１.５|1.5", "Deep Nets!|deep nets", "v1.5|v15", "<=50K.|<=50k", "1,000|1000"})
    void numbersKeepTheirValue(String value, String normalised) {
        assertThat(TextNormalisation.all().apply(value)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"1.50", "Deep Nets!", "-0"})
    void withEveryStepOffValuesStayAsWritten(String value) {
        assertThat(TextNormalisation.none().apply(value)).isEqualTo(value);
    }
}
