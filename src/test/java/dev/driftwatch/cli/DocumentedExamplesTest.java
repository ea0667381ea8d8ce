package dev.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of README.md and of the pages under src/site/markdown are tried as a reader would use them: every
 * {@code java -jar target/driftwatch.jar} command parses (its subcommand and options exist), those whose input files
 * are in the repository run and exit as the page says, and every rules-file example loads (a whole file as it is,
 * a fragment inside rules/pima.yaml, an excerpt line by line against the file it links to).
 */
class DocumentedExamplesTest {
    private static final Path PAGES = Path.of("src/site/markdown");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern FENCE = Pattern.compile("(?s)```(\\w*)\\n(.*?)```");
    private static final Pattern JAR_COMMAND = Pattern.compile("java\\s[^\\n]*?-jar target/driftwatch\\.jar(.*)");
    /** The options whose values are files the command reads. */
    private static final Set<String> INPUTS = Set.of("--rules", "--snapshot", "--reference", "--file");
    /** Top-level keys of YAML examples that are not rules files: Prometheus and GitHub Actions configuration. */
    private static final Set<String> OTHER_CONFIGURATION = Set.of("global", "scrape_configs", "rule_files", "jobs");

    @TempDir
    Path temporary;

    @Test
    void everyCommandParsesAndThoseWithRepositoryInputsRunAsThePageSays() throws IOException {
        int parsed = 0;
        List<String> ran = new ArrayList<>();
        for (Block block : blocks("sh")) {
            Set<String> written = new HashSet<>();
            for (String line : commandLines(block.text())) {
                Matcher command = JAR_COMMAND.matcher(line);
                if (!command.find()) {
                    continue;
                }
                String comment = comment(command.group(1));
                List<String> args = words(withoutComment(command.group(1)));
                assertThatCode(() -> DriftwatchCommand.commandLine().parseArgs(args.toArray(String[]::new)))
                        .as(block + ": " + line).doesNotThrowAnyException();
                parsed++;
                if (args.isEmpty() || !inputsPresent(args, written)) {
                    continue;
                }
                CommandRun run = CommandRun.of(args.toArray(String[]::new));
                int expected = comment.contains("exits 0") ? 0 : -1;
                assertThat(run.exitCode()).as(block + ": " + line + "\n" + run.err())
                        .satisfies(code -> assertThat(expected == 0 ? List.of(0) : List.of(0, 1)).contains(code));
                outputs(args).forEach(written::add);
                ran.add(String.join(" ", args));
            }
        }
        assertThat(parsed).as("commands found in the documentation").isGreaterThanOrEqualTo(15);
        assertThat(ran).as("commands run (their inputs are in the repository)").hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(c -> assertThat(c).contains("--reference target/driftwatch/pima-baseline.profile"))
                .anySatisfy(c -> assertThat(c).startsWith("validate rules/"));
    }

    @Test
    void everyRulesExampleLoads() throws IOException {
        Path rules = Files.createDirectories(temporary.resolve("rules"));
        Files.createSymbolicLink(temporary.resolve("src"), Path.of("src").toAbsolutePath());
        Set<String> topLevel = new HashSet<>();
        YAML.readTree(Path.of("src/main/resources/schema/driftwatch-rules.schema.json").toFile()).path("properties")
                .fieldNames().forEachRemaining(topLevel::add);
        int loaded = 0;
        for (Block block : blocks("yaml")) {
            JsonNode example = YAML.readTree(block.text());
            List<String> keys = new ArrayList<>();
            example.fieldNames().forEachRemaining(keys::add);
            if (OTHER_CONFIGURATION.containsAll(keys)) {
                continue;
            }
            assertThat(topLevel).as(block + ": keys of a rules file").containsAll(keys);
            Path file = rules.resolve("example-" + loaded + ".yaml");
            if (!keys.contains("dataset")) {
                ObjectNode pima = (ObjectNode) YAML.readTree(Path.of("rules/pima.yaml").toFile());
                pima.setAll((ObjectNode) example);
                Files.writeString(file, YAML.writeValueAsString(pima));
            } else if (block.linkedFile() != null) {
                assertExcerpt(block, example);
                file = block.linkedFile();
            } else {
                Files.writeString(file, block.text());
            }
            Path loading = file;
            assertThatCode(() -> new RulesFileLoader().load(loading)).as(block.toString()).doesNotThrowAnyException();
            loaded++;
        }
        assertThat(loaded).as("rules examples loaded").isGreaterThanOrEqualTo(4);
    }

    /** Each key of the block has, in the file, the value it has in the block. */
    private static void assertExcerpt(Block block, JsonNode excerpt) throws IOException {
        JsonNode file = YAML.readTree(block.linkedFile().toFile());
        excerpt.fieldNames().forEachRemaining(key -> assertThat(excerpt.get(key)).as(block + ": " + key + " as in "
                + block.linkedFile()).isEqualTo(file.get(key)));
    }

    private static boolean inputsPresent(List<String> args, Set<String> written) {
        for (int i = 0; i < args.size(); i++) {
            boolean input = INPUTS.contains(args.get(i)) && i + 1 < args.size();
            String path = input ? args.get(i + 1) : i > 0 && args.get(0).equals("validate") ? args.get(i) : null;
            // an absolute path is outside the repository (profiles.md's 1M-row bench file in /tmp): not run here
            boolean absent = path != null && !written.contains(path) && !Files.exists(Path.of(path));
            if (absent || path != null && Path.of(path).isAbsolute()) {
                return false;
            }
        }
        return !args.contains("--server");
    }

    /** The files a command writes: the values of its options that name report or profile files. */
    private static List<String> outputs(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).startsWith("--") && !INPUTS.contains(args.get(i)) && args.get(i + 1).startsWith("target/")) {
                out.add(args.get(i + 1));
            }
        }
        return out;
    }

    /** A fenced block of a page, with the repository file its paragraph links to, if any. */
    private record Block(Path page, int line, String text, Path linkedFile) {
        @Override
        public String toString() {
            return page + ":" + line;
        }
    }

    private static List<Block> blocks(String language) throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(PAGES)) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                if (fence.group(1).equals(language)) {
                    String before = text.substring(text.lastIndexOf("\n\n", fence.start() - 2) + 1, fence.start());
                    blocks.add(new Block(page, (int) text.substring(0, fence.start()).lines().count() + 1,
                            fence.group(2), linkedFile(page, before)));
                }
            }
        }
        return blocks;
    }

    /** The first repository file a Markdown link in the paragraph names, resolved from its page. */
    private static Path linkedFile(Path page, String paragraph) {
        Matcher link = Pattern.compile("\\]\\(([^)#]+\\.ya?ml)\\)").matcher(paragraph);
        return link.find() ? page.getParent().resolve(link.group(1)).normalize() : null;
    }

    /** Lines of a shell block with backslash continuations joined. */
    private static List<String> commandLines(String block) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : block.lines().toList()) {
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                lines.add(current.append(line).toString());
                current.setLength(0);
            }
        }
        return lines;
    }

    private static String withoutComment(String line) {
        int hash = commentStart(line);
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static String comment(String line) {
        int hash = commentStart(line);
        return hash < 0 ? "" : line.substring(hash);
    }

    /** Where a {@code #} comment starts: outside quotes, at the start or after a space. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** Shell words: split on spaces, quotes removed, up to a redirection or pipe (no variables or globs in examples run). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.strip().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
                continue;
            }
            boolean ends = ">|;&".indexOf(c) >= 0;
            if (ends || Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (ends) {
                    return words;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
