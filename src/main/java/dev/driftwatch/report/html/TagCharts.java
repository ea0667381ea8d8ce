package dev.driftwatch.report.html;

import dev.driftwatch.engine.profile.SnapshotProfile;
import dev.driftwatch.engine.profile.SplitProfile;
import dev.driftwatch.engine.profile.TagSummary;
import dev.driftwatch.engine.profile.ValueCount;
import dev.driftwatch.engine.profile.WordScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The charts of a multi-label tags column: tags per row (now and in the reference), tag popularity with the
 * minimum-frequency cut-off line, and the words most distinctive for each frequent tag. Stateless.
 */
final class TagCharts {
    static final int POPULAR_TAGS = 30;
    static final int TAGS_WITH_WORDS = 6;
    static final int WORDS = 8;

    private TagCharts() {
    }

    static String html(SnapshotProfile profile, SnapshotProfile reference) {
        StringBuilder out = new StringBuilder();
        for (SplitProfile split : profile.splits().values()) {
            if (split.tags().isEmpty()) {
                continue;
            }
            TagSummary tags = split.tags().get();
            Optional<TagSummary> before = reference == null ? Optional.empty()
                    : reference.split(split.split()).flatMap(SplitProfile::tags);
            out.append(tagsPerRow(split.split(), tags, before.orElse(null)));
            out.append(popularity(split.split(), tags));
            out.append(distinctiveWords(split.split(), tags));
        }
        return out.toString();
    }

    private static String tagsPerRow(String split, TagSummary tags, TagSummary reference) {
        int most = tags.tagsPerRow().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (reference != null) {
            most = Math.max(most, reference.tagsPerRow().keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        List<String> bins = new ArrayList<>();
        for (int n = 0; n <= most; n++) {
            bins.add(Integer.toString(n));
        }
        Histogram chart = Histogram.of(bins).style(NumberStyle.PERCENT).series("current", shares(tags.tagsPerRow(), tags.rows(), most));
        if (reference != null) {
            chart.series("reference", shares(reference.tagsPerRow(), reference.rows(), most));
        }
        return HtmlPage.chartCard("Tags per row in " + split, chart.svg(), String.format(java.util.Locale.ROOT,
                "Share of rows by their number of %s; %.2f on average.", tags.column(), tags.meanTagsPerRow()));
    }

    private static List<Double> shares(Map<Integer, Long> perRow, long rows, int most) {
        List<Double> shares = new ArrayList<>();
        for (int n = 0; n <= most; n++) {
            shares.add(rows == 0 ? 0 : (double) perRow.getOrDefault(n, 0L) / rows);
        }
        return shares;
    }

    private static String popularity(String split, TagSummary tags) {
        List<ValueCount> all = tags.frequencies();
        List<ValueCount> shown = new ArrayList<>(all.subList(0, Math.min(POPULAR_TAGS, all.size())));
        tags.justMissedCut(3).stream().filter(t -> !shown.contains(t)).forEach(shown::add);
        if (shown.isEmpty()) {
            return "";
        }
        BarChart chart = BarChart.of(shown.stream().map(ValueCount::value).toList())
                .series("rows", shown.stream().map(t -> (double) t.count()).toList());
        String note = tags.exact() ? String.format(java.util.Locale.ROOT, "%,d distinct tags.", all.size())
                : String.format(java.util.Locale.ROOT, "At least %,d distinct tags; counts are estimates up to %,d rows too "
                + "high, and tags with at most that many rows are not counted.", all.size(), tags.maxError());
        if (tags.minFrequency() > 0) {
            chart.marker(tags.minFrequency(), "min frequency " + tags.minFrequency());
            note += String.format(java.util.Locale.ROOT, " %,d fall below the minimum frequency of %,d.",
                    tags.belowCut().size(), tags.minFrequency());
        }
        if (tags.hasVocabulary()) {
            note += String.format(java.util.Locale.ROOT, " %,d are outside the vocabulary.", tags.outOfVocabulary().size());
        }
        return HtmlPage.chartCard("Tag popularity in " + split, chart.svg(), note);
    }

    private static String distinctiveWords(String split, TagSummary tags) {
        StringBuilder out = new StringBuilder();
        tags.distinctiveWords(TAGS_WITH_WORDS, WORDS).forEach((tag, words) -> {
            if (words.isEmpty()) {
                return;
            }
            BarChart chart = BarChart.of(words.stream().map(WordScore::word).toList()).style(NumberStyle.DECIMAL)
                    .series("z-score", words.stream().map(WordScore::zScore).toList());
            out.append(HtmlPage.chartCard("Words distinctive for “" + tag + "” in " + split, chart.svg(),
                    "Log-odds of the word in rows with the tag against all other rows, informative Dirichlet prior; "
                            + "z-score above about 2 is distinctive."));
        });
        return out.toString();
    }
}
