package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.vocabulary.TagVocabulary;
import dev.driftwatch.engine.vocabulary.TagVocabularyReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tags of the real Made With ML snapshot s01 (2,032 projects, a list of tags each). Expected values from
 * Python: {@code c = Counter(t for r in rows for t in r['tags'])}, {@code Counter(len(r['tags']))}, the
 * vocabulary as tags.json names plus aliases, and the cut at 75 (the course's min_tag_freq).
 */
class MadeWithMlTagsTest {
    private static TagSummary tags;
    private static SplitProfile all;

    @BeforeAll
    static void profile() throws Exception {
        Path projects = TestSnapshots.resource("datasets/madewithml-s01/projects.json");
        TagVocabulary vocabulary = new TagVocabularyReader().read(TestSnapshots.resource("datasets/madewithml-s01/tags.json"));
        var roles = new ColumnRoles("id", List.of("title", "description"), null, "tags", List.of(), List.of(), List.of(),
                List.of(), Map.of());
        var declaration = new VocabularyDeclaration(null, "tags.json", Set.of("other"), 75);
        var dataset = TestSnapshots.dataset(projects, roles, SplitPolicy.none(), 0, declaration);
        SnapshotProfile profile = new Profiler(2).profile(dataset, TestSnapshots.snapshot(projects),
                ProfileRequest.builder(roles).vocabulary(vocabulary).build(), List.of());
        all = profile.split("all").orElseThrow();
        tags = all.tags().orElseThrow();
    }

    @Test
    void tagFrequenciesAreRankedAndExact() {
        // python: 2528 distinct tags, 15177 tag occurrences; most common: code 1357, tutorial 1059, article 1040, research 551
        assertThat(tags.exact()).isTrue();
        assertThat(tags.frequencies()).hasSize(2528);
        assertThat(tags.frequencies().stream().mapToLong(ValueCount::count).sum()).isEqualTo(15177);
        assertThat(tags.frequencies().subList(0, 4)).containsExactly(new ValueCount("code", 1357),
                new ValueCount("tutorial", 1059), new ValueCount("article", 1040), new ValueCount("research", 551));
        assertThat(tags.count("computer-vision")).isEqualTo(388);
    }

    @Test
    void tagsPerRowDistribution() {
        // python: Counter(len(tags)): 1: 1, 2: 19, 3: 95, 4: 217, 5: 268, 6: 327, 7: 256, 8: 212; max 26
        assertThat(tags.rows()).isEqualTo(2032);
        assertThat(tags.tagsPerRow()).containsEntry(1, 1L).containsEntry(2, 19L).containsEntry(3, 95L)
                .containsEntry(4, 217L).containsEntry(5, 268L).containsEntry(6, 327L).containsEntry(7, 256L)
                .containsEntry(8, 212L).doesNotContainKey(0).doesNotContainKey(27);
        assertThat(tags.tagsPerRow().keySet()).contains(26);
        assertThat(tags.meanTagsPerRow()).isEqualTo(15177 / 2032.0);
    }

    @Test
    void tagsThatJustMadeAndJustMissedTheCut() {
        // python: 23 tags reach 75; least frequent kept: embeddings 75, bert 77, graphs 78, demo 89, keras 93;
        // most frequent dropped: generative-adversarial-networks 73, object-detection 69, dataset 64, huggingface 64, scikit-learn 60
        assertThat(tags.minFrequency()).isEqualTo(75);
        assertThat(tags.justMadeCut(5)).extracting(ValueCount::value)
                .containsExactly("embeddings", "bert", "graphs", "demo", "keras");
        assertThat(tags.justMissedCut(5)).containsExactly(new ValueCount("generative-adversarial-networks", 73),
                new ValueCount("object-detection", 69), new ValueCount("dataset", 64),
                new ValueCount("huggingface", 64), new ValueCount("scikit-learn", 60));
        assertThat(tags.belowCut()).hasSize(2528 - 23);
    }

    @Test
    void tagsOutsideTheVocabularyAfterResolvingAliases() {
        // python: canon = tags.json names + aliases; 2215 distinct tags (9319 occurrences) are not in canon
        assertThat(tags.hasVocabulary()).isTrue();
        assertThat(tags.outOfVocabulary()).hasSize(2215);
        assertThat(tags.outOfVocabulary().stream().mapToLong(ValueCount::count).sum()).isEqualTo(9319);
        assertThat(tags.outOfVocabulary()).extracting(ValueCount::value).contains("code", "tutorial")
                .doesNotContain("computer-vision");
        assertThat(tags.resolve("three-dimensional")).contains("3d");
    }

    @Test
    void distinctiveWordsOfATagComeFromItsRows() {
        Map<String, List<WordScore>> words = tags.distinctiveWords(10, 10);
        assertThat(words).containsKey("computer-vision");
        assertThat(words.get("computer-vision")).extracting(WordScore::word).contains("image");
        assertThat(words.get("natural-language-processing")).extracting(WordScore::word).contains("language");
        assertThat(words.get("computer-vision")).allSatisfy(score -> assertThat(score.zScore()).isPositive());
    }

    @Test
    void everyTagAboveTheCutHasDistinctiveWordsThoughTheDataHas2528Tags() {
        // python: 23 tags have at least 75 rows; tensorflow (213 rows) is met after 144 other tags
        List<String> frequent = tags.frequencies().stream().filter(t -> t.count() >= 75).map(ValueCount::value).toList();
        assertThat(frequent).hasSize(23);
        Map<String, List<WordScore>> words = tags.distinctiveWords(frequent.size(), 5);
        assertThat(words.keySet()).containsExactlyElementsOf(frequent);
        assertThat(words.get("tensorflow")).extracting(WordScore::word).contains("tensorflow", "keras");
        assertThat(words.get("embeddings")).extracting(WordScore::word).contains("embeddings");
    }

    @Test
    void titlesAndDescriptionsHaveTextStatistics() {
        TextSummary titles = all.column("title").orElseThrow().text();
        assertThat(titles.texts()).isEqualTo(2032);
        assertThat(titles.empty()).isZero();
        // python: words = re.findall(r'[^\W_]+', title.lower()): 10388 words, 2837 distinct, at most 13 a title,
        // mean title length 35.69881889763779 UTF-16 units; most common: learning 319, for 268, with 207
        assertThat(titles.wordCount()).isEqualTo(10388);
        assertThat(titles.vocabularyFigure()).isEqualTo(Figure.exact(2837));
        assertThat(titles.chars().mean()).isCloseTo(35.69881889763779, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(titles.words().max()).isEqualTo(13);
        assertThat(titles.frequentWords(3)).containsExactly(new ValueCount("learning", 319), new ValueCount("for", 268),
                new ValueCount("with", 207));
        assertThat(all.column("title").orElseThrow().categorical()).isNull();
        UnseenWords none = titles.unseenWords(titles);
        assertThat(none.exact()).isTrue();
        assertThat(none.occurrences()).isEqualTo(Figure.exact(0));
        assertThat(none.total()).isEqualTo(10388);
    }
}
