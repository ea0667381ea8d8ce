package dev.driftwatch.engine.rule.rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code near} mode of {@code split_leakage} over every row of every split, in bounded heap. Each
 * row's normalised text is shingled (character 5-grams, one 64-bit hash each), sketched by
 * {@link OnePermutationMinHash} into {@link LshBands#values()} values and cut into band keys; the keys,
 * the text and its hash go to a {@link NearDuplicateSpill} of the row's split in a temporary folder. After the
 * pass, {@link NearDuplicateSearch} pairs rows that share a band key and keeps those whose exact Jaccard
 * similarity reaches the threshold (1 for equal hashes, the same text).
 *
 * <p>Heap: nothing per row while reading (a row's location goes to disk with its text; per split about 0.7 MB of
 * buffers with 17 bands); while searching, a bit per row of each later split for the result ({@link NearMatches}),
 * and for one band at a time about 2 bytes per later row and 1 per earlier row, and up to 24 MB for candidates (see
 * {@link NearDuplicateSearch}); searched in parts ({@link #searchParts}), each part has results and a band of its
 * own. Disk (deleted on {@link #close()}, or when this object is collected): 8 bytes per band and row plus 28 bytes
 * and the text (1 byte a character in ASCII): at t = 0.8 (17 bands), 164 bytes a row and its text.
 * Failing to write the folder is kept as {@link #failure()}, never thrown into the reading pass.
 * Not thread-safe; one per row check.
 */
final class NearDuplicates implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private final LshBands bands;
    private final double jaccard;
    private final NearDuplicateBands nearBands;
    private final int shown;
    private final int maxPending;
    private final Spills spills = new Spills();
    private final Cleaner.Cleanable cleanable;
    private final long[] keys;
    private char[] chars = new char[256];
    private final List<String[]> planned = new ArrayList<>();
    private final Map<String, NearMatches> searched = new HashMap<>();
    private final List<PartSearch> searchedInParts = new ArrayList<>();
    private IOException failure;

    /**
     * @param jaccard the threshold: pairs at least this similar are near-duplicates
     * @param shown   how many matched rows of a later split get their most similar earlier row
     */
    NearDuplicates(double jaccard, int shown) {
        this(jaccard, shown, NearDuplicateSearch.MAX_PENDING);
    }

    /** As {@link #NearDuplicates(double, int)}, verifying at most {@code maxPending} candidate pairs together. */
    NearDuplicates(double jaccard, int shown, int maxPending) {
        this.maxPending = maxPending;
        this.bands = LshBands.forThreshold(jaccard);
        this.jaccard = jaccard;
        this.nearBands = new NearDuplicateBands(jaccard);
        this.shown = shown;
        this.keys = new long[bands.bands()];
        this.cleanable = CLEANER.register(this, spills);
    }

    /**
     * Adds a row of a split: its location ({@link RowLocations}), normalised input text, and a 64-bit hash of what the
     * text joins (two rows with the same hash have the same text).
     */
    void add(String split, long location, CharSequence text, long textHash) {
        if (failure != null) {
            return;
        }
        int length = text.length();
        chars = Shingles.chars(text, chars);
        nearBands.keys(chars, length, keys);
        try {
            spills.of(split, bands.bands()).add(keys, location, chars, length, textHash);
        } catch (IOException e) {
            failure = e;
            spills.run();
        }
    }

    /** The location of row {@code row} (numbered from 0 in the order added) of a split. */
    long location(String split, int row) {
        try {
            return spills.get(split).location(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why rows could not be kept for the search, or null. */
    IOException failure() {
        return failure;
    }

    /** The pairs of splits that {@link #matches} will be asked for: later splits of one earlier split are searched together. */
    void plan(List<String[]> pairs) {
        planned.addAll(pairs);
    }

    /** What the search finds for the rows of {@code later} in {@code earlier}; call once per pair. */
    NearMatches matches(String earlier, String later) {
        NearMatches done = searched.remove(earlier + '\u0000' + later);
        if (done != null) {
            return done;
        }
        List<String> laters = plannedWith(earlier, later);
        List<NearMatches> sinks = newSinks(laters);
        search(earlier, laters, sinks);
        keep(earlier, laters.subList(1, laters.size()), sinks.subList(1, sinks.size()));
        return sinks.get(0);
    }

    /**
     * The searches of every planned pair, each earlier split's bands cut into one range per core, but no more ranges
     * than a quarter of {@code heapBytes} holds at once ({@link #partsWithin}), and all of them in turn when a quarter
     * of the heap does not hold every part of every search: parts that may run at once, each with
     * sinks of its own, which {@link #mergeParts()} then merges, so that {@link #matches} only hands the results out.
     * The results equal those of one search of all bands ({@link NearMatches#merge}).
     */
    List<Runnable> searchParts(int cores, long heapBytes) {
        if (failure != null) {
            return List.of();
        }
        try {
            spills.finish();
        } catch (IOException e) {
            failure = e;
            return List.of();
        }
        List<Runnable> searches = new ArrayList<>();
        long needed = 0;
        while (!planned.isEmpty()) {
            String[] pair = planned.get(0);
            List<String> laters = plannedWith(pair[0], pair[1]);
            long laterRows = laters.stream().mapToLong(split -> spills.get(split).size()).sum();
            int parts = partsWithin(cores, heapBytes, laterRows, spills.get(pair[0]).size());
            needed += parts * partBytes(laterRows, spills.get(pair[0]).size());
            int bandsPerPart = Math.max(1, (bands.bands() + parts - 1) / parts);
            var search = new PartSearch(pair[0], laters, new ArrayList<>(), new AtomicInteger());
            for (int from = 0; from < bands.bands(); from += bandsPerPart) {
                List<NearMatches> sinks = newSinks(laters);
                search.byPart().add(sinks);
                int first = from;
                int end = Math.min(bands.bands(), from + bandsPerPart);
                searches.add(() -> {
                    search(pair[0], laters, sinks, first, end);
                    search.done().incrementAndGet();
                });
            }
            searchedInParts.add(search);
        }
        if (needed > heapBytes / 4 && searches.size() > 1) {
            // a quarter of the heap does not hold every part at once (at 100M rows, not even one search's): in turn
            List<Runnable> oneAfterAnother = List.copyOf(searches);
            return List.of(() -> oneAfterAnother.forEach(Runnable::run));
        }
        return searches;
    }

    /**
     * How many band ranges of one earlier split's search may run at once: one per core, as long as a quarter of the
     * heap holds them, and at least one. A part holds its results (a bit a later row) and one band's bit tables and
     * lists (about 2 bytes a later row and 1 an earlier one): counted here as 3 and 2.
     */
    static int partsWithin(int cores, long heapBytes, long laterRows, long earlierRows) {
        return (int) Math.max(1, Math.min(cores, heapBytes / 4 / partBytes(laterRows, earlierRows)));
    }

    private static long partBytes(long laterRows, long earlierRows) {
        return Math.max(1, 3 * laterRows + 2 * earlierRows);
    }

    /** Merges what the parts of {@link #searchParts} found; call once they all ran (a failed part: searched again). */
    void mergeParts() {
        for (PartSearch search : searchedInParts) {
            if (search.done().get() == search.byPart().size()) {
                List<NearMatches> merged = search.byPart().get(0);
                for (List<NearMatches> part : search.byPart().subList(1, search.byPart().size())) {
                    for (int i = 0; i < merged.size(); i++) {
                        merged.get(i).merge(part.get(i));
                    }
                }
                keep(search.earlier(), search.laters(), merged);
            }
        }
        searchedInParts.clear();
    }

    /**
     * One earlier split's search against its later splits, in parts: the sinks of each part, in the laters' order, and
     * how many parts ended without failing.
     */
    private record PartSearch(String earlier, List<String> laters, List<List<NearMatches>> byPart, AtomicInteger done) {
    }

    /** {@code later} and the other later splits planned with {@code earlier}, which one pass searches together. */
    private List<String> plannedWith(String earlier, String later) {
        List<String> laters = new ArrayList<>(List.of(later));
        planned.stream().filter(p -> p[0].equals(earlier) && !p[1].equals(later) && !laters.contains(p[1]))
                .forEach(p -> laters.add(p[1]));
        planned.removeIf(p -> p[0].equals(earlier));
        return laters;
    }

    private List<NearMatches> newSinks(List<String> laters) {
        List<NearMatches> sinks = new ArrayList<>();
        for (String split : laters) {
            sinks.add(new NearMatches(spills.get(split).size(), shown));
        }
        return sinks;
    }

    private void keep(String earlier, List<String> laters, List<NearMatches> sinks) {
        for (int i = 0; i < laters.size(); i++) {
            searched.put(earlier + '\u0000' + laters.get(i), sinks.get(i));
        }
    }

    /** Hands every verified pair of a row of {@code later} and a row of {@code earlier} the sink still wants to it. */
    void search(String earlier, List<String> laters, List<? extends NearDuplicateSearch.Sink> sinks) {
        search(earlier, laters, sinks, 0, bands.bands());
    }

    private void search(String earlier, List<String> laters, List<? extends NearDuplicateSearch.Sink> sinks,
                        int fromBand, int toBand) {
        try {
            spills.finish();
            List<NearDuplicateSpill> laterSpills = laters.stream().map(spills::get).toList();
            new NearDuplicateSearch(bands, jaccard, maxPending)
                    .search(spills.get(earlier), laterSpills, sinks, fromBand, toBand);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** The spills by split and their folder; also the cleaning action, so it must not refer to its owner. */
    private static final class Spills implements Runnable {
        private final Map<String, NearDuplicateSpill> bySplit = new LinkedHashMap<>();
        private Path folder;
        private boolean finished;

        NearDuplicateSpill of(String split, int bands) throws IOException {
            NearDuplicateSpill spill = bySplit.get(split);
            if (spill == null) {
                if (folder == null) {
                    folder = Files.createTempDirectory("driftwatch-near-");
                }
                spill = new NearDuplicateSpill(folder, "split-" + bySplit.size(), bands);
                bySplit.put(split, spill);
            }
            return spill;
        }

        NearDuplicateSpill get(String split) {
            NearDuplicateSpill spill = bySplit.get(split);
            if (spill == null) {
                throw new IllegalStateException("expected rows of split " + split + " but found none");
            }
            return spill;
        }

        void finish() throws IOException {
            if (!finished) {
                for (NearDuplicateSpill spill : bySplit.values()) {
                    spill.finish();
                }
                finished = true;
            }
        }

        @Override
        public void run() {
            bySplit.values().forEach(NearDuplicateSpill::close);
            bySplit.clear();
            try {
                if (folder != null) {
                    Files.deleteIfExists(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
