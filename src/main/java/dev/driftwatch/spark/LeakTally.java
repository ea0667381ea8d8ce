package dev.driftwatch.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code split_leakage} found on Spark, per cell (mode, earlier split, later split): the later split's rows the
 * earlier one has, and the first {@code shown} of them in snapshot order as (place, place of the earlier split's
 * row, bits of the similarity or of NaN). Merges associatively, so executors tally their part and the driver adds
 * the parts up.
 */
final class LeakTally implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int splits;
    private final int shown;
    private final long[] rows;
    private final List<List<long[]>> first;

    LeakTally(int modes, int splits, int shown) {
        this.splits = splits;
        this.shown = shown;
        this.rows = new long[modes * splits * splits];
        this.first = new ArrayList<>();
        for (int cell = 0; cell < rows.length; cell++) {
            first.add(new ArrayList<>());
        }
    }

    int cell(int mode, int earlier, int later) {
        return (mode * splits + earlier) * splits + later;
    }

    void count(int cell, long leaked) {
        rows[cell] += leaked;
    }

    /** Offers a leaked row of the later split for evidence. */
    void offer(int cell, long later, long earlier, double similarity) {
        List<long[]> kept = first.get(cell);
        if (kept.size() == shown && (shown == 0 || later >= kept.get(shown - 1)[0])) {
            return;
        }
        int at = 0;
        while (at < kept.size() && kept.get(at)[0] < later) {
            at++;
        }
        kept.add(at, new long[]{later, earlier, Double.doubleToLongBits(similarity)});
        if (kept.size() > shown) {
            kept.remove(kept.size() - 1);
        }
    }

    LeakTally with(LeakTally other) {
        for (int cell = 0; cell < rows.length; cell++) {
            rows[cell] += other.rows[cell];
            for (long[] row : other.first.get(cell)) {
                offer(cell, row[0], row[1], Double.longBitsToDouble(row[2]));
            }
        }
        return this;
    }

    long rows(int cell) {
        return rows[cell];
    }

    /** The rows shown for a cell, in snapshot order. */
    List<long[]> shown(int cell) {
        List<long[]> kept = new ArrayList<>(first.get(cell));
        kept.sort(Comparator.comparingLong(row -> row[0]));
        return kept;
    }
}
