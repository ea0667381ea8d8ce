package dev.driftwatch.engine.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTextTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void columnNamesWithYamlSyntaxReadBackAsWritten() throws Exception {
        List<String> names = List.of("a: b", "#not a comment", "quote \" and \\ back", "- dash", "tab\there", "[x]", "ü");

        String text = "columns: " + YamlText.list(names) + "   # " + YamlText.comment("line\nbreak") + "\n";

        assertThat(YAML.readTree(text).get("columns")).extracting(n -> n.asText()).containsExactlyElementsOf(names);
    }

    @Test
    void numbersAreWrittenPlain() {
        assertThat(List.of(YamlText.number(0), YamlText.number(0.219), YamlText.number(564), YamlText.number(1e-4)))
                .containsExactly("0", "0.219", "564", "0.0001");
    }
}
