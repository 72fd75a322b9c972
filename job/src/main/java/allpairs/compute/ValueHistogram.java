package allpairs.compute;

import java.io.Serializable;

/**
 * An exact histogram of values whose range nobody knows before they exist, in one pass and fixed
 * memory, mergeable across tasks: bin b holds [b·w, (b+1)·w) with w = 2^e, at most {@value #BINS}
 * bins. When a value (or a merged histogram) falls outside the window, e grows until the whole
 * range fits; two bins of width w are exactly one bin of width 2w, so coarsening loses nothing
 * and histograms from different tasks merge exactly. For display, aligned groups of bins are
 * summed ({@link #display}), so every drawn bar counts exactly the values in its interval.
 */
public final class ValueHistogram implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int BINS = 1024;
    /** The finest bin width, 2^-30: closer values share a bin. */
    static final int MIN_EXP = -30;
    private static final double MAX_INDEX = 0x1p52;

    private int exp = MIN_EXP;
    private long lo;
    private long[] counts;
    private long count;
    private long notFinite;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Equal-width bins from {@code low} on, each {@code width} wide, covering [min, max]. */
    public record Display(double low, double width, long[] counts) {
    }

    public void add(double v) {
        if (!Double.isFinite(v)) {
            notFinite++;
            return;
        }
        long at = index(v, exp);
        if (counts == null || at < lo || at >= lo + BINS || Math.abs(Math.scalb(v, -exp)) >= MAX_INDEX) {
            regrid(Math.min(min, v), Math.max(max, v), exp);
            at = index(v, exp);
        }
        count++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        counts[(int) (at - lo)]++;
    }

    public void merge(ValueHistogram other) {
        if (other.counts == null) {
            notFinite += other.notFinite;
            return;
        }
        double newMin = Math.min(min, other.min);
        double newMax = Math.max(max, other.max);
        regrid(newMin, newMax, Math.max(exp, other.exp));
        for (int i = 0; i < BINS; i++) {
            if (other.counts[i] != 0) {
                counts[(int) (coarser(other.lo + i, exp - other.exp) - lo)] += other.counts[i];
            }
        }
        count += other.count;
        notFinite += other.notFinite;
        min = newMin;
        max = newMax;
    }

    /** Moves the window (and coarsens, from at least {@code fromExp}) so that [low, high] fits. */
    private void regrid(double low, double high, int fromExp) {
        int e = fromExp;
        while (Math.abs(Math.scalb(low, -e)) >= MAX_INDEX || Math.abs(Math.scalb(high, -e)) >= MAX_INDEX
                || index(high, e) - index(low, e) >= BINS) {
            e++;
        }
        long newLo = index(low, e);
        long[] next = new long[BINS];
        if (counts != null) {
            for (int i = 0; i < BINS; i++) {
                if (counts[i] != 0) {
                    next[(int) (coarser(lo + i, e - exp) - newLo)] += counts[i];
                }
            }
        }
        counts = next;
        lo = newLo;
        exp = e;
    }

    /** Bin {@code index}'s bin after {@code steps} doublings of the width (floor division by 2^steps). */
    private static long coarser(long index, int steps) {
        return steps >= 63 ? index >> 63 : index >> steps;
    }

    private static long index(double v, int e) {
        return (long) Math.floor(Math.scalb(v, -e));
    }

    /** Finite values seen. */
    public long count() {
        return count;
    }

    /** NaN and infinite values seen (left out of the histogram). */
    public long notFinite() {
        return notFinite;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** At most {@code maxBars} equal bins over [min, max], each an aligned group of bins: exact counts. */
    public Display display(int maxBars) {
        if (counts == null) {
            return new Display(0, 1, new long[0]);
        }
        long first = index(min, exp);
        long last = index(max, exp);
        long group = 1;
        while (Math.floorDiv(last, group) - Math.floorDiv(first, group) + 1 > maxBars) {
            group *= 2;
        }
        long firstGroup = Math.floorDiv(first, group);
        long[] bars = new long[(int) (Math.floorDiv(last, group) - firstGroup + 1)];
        for (int i = 0; i < BINS; i++) {
            if (counts[i] != 0) {
                bars[(int) (Math.floorDiv(lo + i, group) - firstGroup)] += counts[i];
            }
        }
        double width = Math.scalb((double) group, exp);
        return new Display(Math.scalb((double) firstGroup * group, exp), width, bars);
    }
}
