package dev.driftwatch.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Figures shown as evidence keep the order the rule gives them, so two runs on the same data print the same
 * lines (a Map.of, whose order changes from one JVM to the next, made the outliers' figures differ between runs).
 */
class EvidenceTest {
    @Test
    void figuresKeepTheOrderGiven() {
        var random = new Random(7);
        List<String> names = new ArrayList<>(List.of("min", "lower_fence", "upper_fence", "max", "a", "b", "c", "d"));
        for (int trial = 0; trial < 20; trial++) {
            Collections.shuffle(names, random);
            List<String> pairs = new ArrayList<>();
            names.forEach(name -> {
                pairs.add(name);
                pairs.add("value of " + name);
            });

            Evidence evidence = Evidence.of(pairs.toArray(String[]::new));

            assertThat(evidence.values().keySet()).containsExactlyElementsOf(names);
            assertThat(evidence.values().get(names.get(0))).isEqualTo("value of " + names.get(0));
            assertThat(evidence.source()).isNull();
            assertThat(evidence.line()).isZero();
        }
    }

    @Test
    void aNameWithoutAValueIsAnError() {
        assertThatThrownBy(() -> Evidence.of("min", "1", "max"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 strings");
    }
}
