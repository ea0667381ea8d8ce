package dev.driftwatch.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds every column a rules file names, with its key and line: the dataset's roles, and each rule's
 * column keys ({@code columns}, {@code inputs}, {@code features}: lists; {@code label}, {@code column}: one name).
 * {@code "*"} (every column) names none.
 */
final class NamedColumns {
    private static final List<String> LIST_KEYS = List.of("columns", "inputs", "features");
    private static final List<String> SINGLE_KEYS = List.of("label", "column");

    private NamedColumns() {
    }

    static List<NamedColumn> of(DatasetDefinition dataset, JsonNode document, YamlLocator locator) {
        List<NamedColumn> named = new ArrayList<>();
        for (Map.Entry<String, String> role : HeaderNames.roleColumns(dataset.columns(), dataset.splits())) {
            named.add(new NamedColumn(role.getKey(), locator.lineOf(role.getKey()), role.getValue()));
        }
        JsonNode rules = document == null ? null : document.get("rules");
        for (int i = 0; rules != null && i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            for (String key : LIST_KEYS) {
                JsonNode list = rule.get(key);
                for (int j = 0; list != null && list.isArray() && j < list.size(); j++) {
                    add(named, locator, "rules[" + i + "]." + key + "[" + j + "]", list.get(j));
                }
            }
            for (String key : SINGLE_KEYS) {
                add(named, locator, "rules[" + i + "]." + key, rule.get(key));
            }
        }
        return named;
    }

    private static void add(List<NamedColumn> named, YamlLocator locator, String key, JsonNode value) {
        if (value != null && value.isTextual() && !value.asText().equals("*")) {
            named.add(new NamedColumn(key, locator.lineOf(key), value.asText()));
        }
    }
}
