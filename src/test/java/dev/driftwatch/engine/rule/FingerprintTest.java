package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    @Test
    void theEmptyTextHasAFingerprintOfItsOwn() {
        assertThat(Fingerprint.of("")).isEqualTo(Fingerprint.of(""))
                .isNotEqualTo(Fingerprint.of(" "))
                .isNotEqualTo(Fingerprint.of("\u0000"))
                .isNotEqualTo(Fingerprint.of(List.of("")));
    }

    @Test
    void valuesAreSeparatedSoThatTheirBoundariesCount() {
        assertThat(Fingerprint.of(List.of("ab", "c"))).isNotEqualTo(Fingerprint.of(List.of("a", "bc")));
    }
}
