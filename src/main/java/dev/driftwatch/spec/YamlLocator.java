package dev.driftwatch.spec;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Finds the line of a key path ({@code rules[1].max_ratio}) in a YAML text, using SnakeYAML's node marks. */
final class YamlLocator {
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private final Node root;

    YamlLocator(String text) {
        this.root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    }

    /** The 1-based line where the deepest existing node of the path starts; 1 for an empty document. */
    int lineOf(String path) {
        Node node = root;
        if (node == null) {
            return 1;
        }
        int line = node.getStartMark().getLine() + 1;
        Matcher steps = STEP.matcher(path == null ? "" : path);
        while (steps.find() && node != null) {
            if (steps.group(1) != null) {
                NodeTuple tuple = entry(node, steps.group(1));
                node = tuple == null ? null : tuple.getValueNode();
                line = tuple == null ? line : tuple.getKeyNode().getStartMark().getLine() + 1;
            } else {
                node = item(node, Integer.parseInt(steps.group(2)));
                line = node == null ? line : node.getStartMark().getLine() + 1;
            }
        }
        return line;
    }

    /** The keys of the mapping at a path, for matching a message to the key it speaks of. */
    List<String> keysAt(String path) {
        Node node = root;
        Matcher steps = STEP.matcher(path == null ? "" : path);
        while (steps.find() && node != null) {
            node = steps.group(1) != null ? child(node, steps.group(1)) : item(node, Integer.parseInt(steps.group(2)));
        }
        if (!(node instanceof MappingNode mapping)) {
            return List.of();
        }
        return mapping.getValue().stream()
                .map(NodeTuple::getKeyNode)
                .filter(ScalarNode.class::isInstance)
                .map(key -> ((ScalarNode) key).getValue())
                .toList();
    }

    private static Node child(Node node, String key) {
        NodeTuple tuple = entry(node, key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private static NodeTuple entry(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple;
            }
        }
        return null;
    }

    private static Node item(Node node, int index) {
        if (node instanceof SequenceNode sequence && index < sequence.getValue().size()) {
            return sequence.getValue().get(index);
        }
        return null;
    }
}
