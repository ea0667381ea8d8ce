package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftwatch.engine.dataset.ColumnRoles;
import dev.driftwatch.engine.dataset.SplitPolicy;
import dev.driftwatch.engine.dataset.VocabularyDeclaration;
import dev.driftwatch.engine.vocabulary.TagVocabularyReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.driftwatch.engine.read.parquet.LocalParquetFile;
import dev.driftwatch.engine.read.parquet.PureJavaCodecs;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shipped data written as Parquet by the test (typed columns, several row groups) profiles to the same figures as
 * the csv and JSON it came from. Expected values are the ones PimaProfileTest and MadeWithMlTagsTest took from
 * Python over the same files, and the text path's profile of the same data.
 */
class ParquetProfileTest {
    private static final List<String> ZERO_MEANS_MISSING = List.of("Glucose", "BloodPressure", "SkinThickness", "Insulin", "BMI");
    private static final int SMALL_ROW_GROUPS = 4096;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP"})
    void pimaAsParquetProfilesLikeTheCsv(CompressionCodecName codec) throws Exception {
        Path csv = TestSnapshots.resource("datasets/pima/diabetes.csv");
        Path parquet = ParquetFiles.fromCsv(csv, folder.resolve("diabetes.parquet"), codec, SMALL_ROW_GROUPS);
        assertThat(rowGroups(parquet)).as("row groups").isGreaterThan(1);

        SplitProfile fromParquet = pima(parquet);
        SplitProfile fromCsv = pima(csv);

        // python (PimaProfileTest): 768 rows; zeros in Glucose 5, BloodPressure 35, SkinThickness 227, Insulin 374, BMI 11
        assertThat(fromParquet.rows()).isEqualTo(768);
        Map.of("Glucose", 5L, "BloodPressure", 35L, "SkinThickness", 227L, "Insulin", 374L, "BMI", 11L)
                .forEach((column, zeros) -> assertThat(fromParquet.column(column).orElseThrow().missing()).as(column).isEqualTo(zeros));
        // python: non-zero Glucose: len 763, mean 121.6867627785059, stdev 30.535641072804033, 44..199
        NumericSummary glucose = fromParquet.column("Glucose").orElseThrow().numeric();
        assertThat(glucose.count()).isEqualTo(763);
        assertThat(glucose.mean()).isCloseTo(121.6867627785059, within(1e-9));
        assertThat(glucose.stdDev()).isCloseTo(30.535641072804033, within(1e-9));
        assertThat(glucose.min()).isEqualTo(44);
        assertThat(glucose.max()).isEqualTo(199);
        // python: Counter(Outcome) = {'0': 500, '1': 268}
        assertThat(fromParquet.labels().orElseThrow().counts()).containsExactly(Map.entry("0", 500L), Map.entry("1", 268L));
        assertThat(fromParquet.column("Glucose").orElseThrow().type()).isEqualTo(ValueType.INTEGER);
        assertThat(fromParquet.column("BMI").orElseThrow().type()).isEqualTo(ValueType.DECIMAL);

        assertThat(fromParquet.columns().keySet()).containsExactlyElementsOf(fromCsv.columns().keySet());
        for (String column : fromCsv.columns().keySet()) {
            ColumnProfile expected = fromCsv.column(column).orElseThrow();
            ColumnProfile actual = fromParquet.column(column).orElseThrow();
            assertThat(actual.missing()).as(column).isEqualTo(expected.missing());
            assertThat(actual.missingByReason()).as(column).isEqualTo(expected.missingByReason());
            assertThat(actual.distinct()).as(column).isEqualTo(expected.distinct());
            assertThat(actual.type()).as(column).isEqualTo(expected.type());
            assertThat(actual.numeric().count()).as(column).isEqualTo(expected.numeric().count());
            assertThat(actual.numeric().mean()).as(column).isCloseTo(expected.numeric().mean(), within(1e-9));
            assertThat(actual.numeric().stdDev()).as(column).isCloseTo(expected.numeric().stdDev(), within(1e-9));
            assertThat(actual.numeric().min()).as(column).isEqualTo(expected.numeric().min());
            assertThat(actual.numeric().max()).as(column).isEqualTo(expected.numeric().max());
        }
    }

    @Test
    void madeWithMlTagsAsAParquetListAreTheJsonArrays() throws Exception {
        Path json = TestSnapshots.resource("datasets/madewithml-s01/projects.json");
        Path parquet = ParquetFiles.fromProjectsJson(json, folder.resolve("projects.parquet"), 64 * 1024);
        assertThat(rowGroups(parquet)).as("row groups").isGreaterThan(1);

        SplitProfile fromParquet = madeWithMl(parquet);
        SplitProfile fromJson = madeWithMl(json);

        // python (MadeWithMlTagsTest): 2528 distinct tags, 15177 occurrences; code 1357, tutorial 1059, article 1040, research 551
        TagSummary tags = fromParquet.tags().orElseThrow();
        assertThat(tags.frequencies()).hasSize(2528);
        assertThat(tags.frequencies().stream().mapToLong(ValueCount::count).sum()).isEqualTo(15177);
        assertThat(tags.frequencies().subList(0, 4)).containsExactly(new ValueCount("code", 1357),
                new ValueCount("tutorial", 1059), new ValueCount("article", 1040), new ValueCount("research", 551));
        // python: Counter(len(tags)): 1: 1, 2: 19, 3: 95 ...; 2032 rows
        assertThat(tags.rows()).isEqualTo(2032);
        assertThat(tags.tagsPerRow()).containsEntry(1, 1L).containsEntry(2, 19L).containsEntry(3, 95L);
        assertThat(tags.tagsPerRow()).isEqualTo(fromJson.tags().orElseThrow().tagsPerRow());
        assertThat(tags.frequencies()).isEqualTo(fromJson.tags().orElseThrow().frequencies());
        for (String column : List.of("id", "title", "description")) {
            assertThat(fromParquet.column(column).orElseThrow().distinct()).as(column)
                    .isEqualTo(fromJson.column(column).orElseThrow().distinct());
            assertThat(fromParquet.column(column).orElseThrow().missing()).as(column)
                    .isEqualTo(fromJson.column(column).orElseThrow().missing());
        }
    }

    private static SplitProfile pima(Path file) {
        var tokens = new java.util.HashMap<String, List<String>>();
        ZERO_MEANS_MISSING.forEach(column -> tokens.put(column, List.of("0")));
        ColumnRoles roles = new ColumnRoles(null, List.of(), "Outcome", null, List.of(), List.of(), List.of(), List.of(), tokens);
        return TestSnapshots.profile(file, roles, 2).split("all").orElseThrow();
    }

    private static SplitProfile madeWithMl(Path file) throws Exception {
        var vocabulary = new TagVocabularyReader().read(TestSnapshots.resource("datasets/madewithml-s01/tags.json"));
        var roles = new ColumnRoles("id", List.of("title", "description"), null, "tags", List.of(), List.of(), List.of(),
                List.of(), Map.of());
        var declaration = new VocabularyDeclaration(null, "tags.json", Set.of("other"), 75);
        var dataset = TestSnapshots.dataset(file, roles, SplitPolicy.none(), 0, declaration);
        return new Profiler(2).profile(dataset, TestSnapshots.snapshot(file),
                ProfileRequest.builder(roles).vocabulary(vocabulary).build(), List.of()).split("all").orElseThrow();
    }

    private static int rowGroups(Path parquet) throws Exception {
        var options = ParquetReadOptions.builder().withCodecFactory(PureJavaCodecs.INSTANCE).build();
        try (var reader = ParquetFileReader.open(new LocalParquetFile(parquet), options)) {
            return reader.getRowGroups().size();
        }
    }
}
