package allpairs.kernel;

/**
 * A dtw tile row under a finite bound: each pair first meets the cascade of {@link DtwBounds}; the pairs
 * it lets through are computed with early abandoning, {@link DtwLanes#WIDTH} equally long ones at a time
 * on the lanes (gathered from wherever they are in the row), the others one by one on
 * {@link DtwBand#bounded}. A pair stopped by a bound gets a value beyond the bound that is also a lower
 * bound of its distance ({@link DtwKernel#stoppedValuesAreBounds}): the square root of the lower
 * bound that ruled it out, or else of the double just above T (its squared distance exceeds T). Task
 * scratch, like the rest of {@link DtwKernel.Scratch}.
 */
final class DtwPrunedRow {
    /**
     * The fewest pending pairs worth a lane group of copies at a row's end: a group of W costs about as much as
     * 1.5 pairs on the scalar loop (JMH, band 12: 7.5 against 44 µs per pair).
     */
    static final int MIN_LANES = 2;
    private final DtwBounds bounds;
    private final DtwLanes lanes;
    /** The pairs waiting for the lanes: their columns and rest bounds. */
    private final int[] pending;
    private final double[][] rests;
    private int count;

    DtwPrunedRow(int maxValues, DtwLanes lanes) {
        this.bounds = new DtwBounds(maxValues);
        this.lanes = lanes;
        int slots = lanes == null ? 1 : DtwLanes.WIDTH;
        this.pending = new int[slots];
        this.rests = new double[slots][maxValues + 1];
    }

    static long bytes(int maxValues) {
        return DtwBounds.bytes(maxValues) + 8L * Math.max(1, DtwLanes.WIDTH) * (maxValues + 2);
    }

    long[] pruned() {
        return bounds.pruned;
    }

    DtwBounds bounds() {
        return bounds;
    }

    /** Row i of x against columns jFrom..jTo-1 of y under the squared threshold t (finite). */
    void run(DoubleRows x, int i, DoubleRows y, int jFrom, int jTo, int d, int w, double t, DtwKernel.Scratch s,
             double[] out, int outOffset) {
        run(x, i, y, null, jFrom, jTo, d, w, t, s, out, outOffset - jFrom);
    }

    /** Row i of x against columns {@code columns[0 .. count-1]} of y under t (+inf: exact), column j into out[base + j]. */
    void runColumns(DoubleRows x, int i, DoubleRows y, int[] columns, int count, int d, int w, double t,
                    DtwKernel.Scratch s, double[] out, int base) {
        run(x, i, y, columns, 0, count, d, w, t, s, out, base);
    }

    private void run(DoubleRows x, int i, DoubleRows y, int[] columns, int from, int to, int d, int w, double t,
                     DtwKernel.Scratch s, double[] out, int base) {
        double tRest = DtwBounds.slack(t, x.length(i) / d);
        double stopped = stopped(t);
        count = 0;
        for (int at = from; at < to; at++) {
            int j = columns == null ? at : columns[at];
            if (count > 0 && y.length(j) != y.length(pending[0])) {
                flushOneByOne(x, i, y, d, w, t, tRest, s, out, base);
            }
            if (!bounds.passes(x, i, y, j, d, w, t, rests[count])) {
                out[base + j] = Math.sqrt(bounds.lastBound()); // > t, and at most the squared distance
                continue;
            }
            pending[count++] = j;
            if (count == pending.length) {
                if (lanes == null) {
                    flushOneByOne(x, i, y, d, w, t, tRest, s, out, base);
                } else {
                    flushLanes(x, i, y, d, w, t, tRest, out, base, stopped);
                }
            }
        }
        if (lanes != null && count >= MIN_LANES) {
            // the row's last few pairs: on the lanes with copies of the last one in the empty lanes
            for (int p = count; p < pending.length; p++) {
                pending[p] = pending[count - 1];
                System.arraycopy(rests[count - 1], 0, rests[p], 0, x.length(i) / d + 1);
            }
            flushLanes(x, i, y, d, w, t, tRest, out, base, stopped);
        }
        flushOneByOne(x, i, y, d, w, t, tRest, s, out, base);
    }

    /** The pending pairs (count of them; the others copies) on the lanes, under t and their rest bounds. */
    private void flushLanes(DoubleRows x, int i, DoubleRows y, int d, int w, double t, double tRest, double[] out,
                            int base, double stopped) {
        if (!lanes.columns(x, i, y, pending, d, w, t, rests, tRest, out, base)) {
            bounds.pruned[DtwBounds.ABANDONED] += count;
            for (int p = 0; p < count; p++) {
                out[base + pending[p]] = stopped;
            }
        }
        count = 0;
    }

    /**
     * The value of a pair whose squared distance is known to exceed t: sqrt of the next double, beyond the
     * bound (T is the largest square within it) and at most the distance; 0 for t &lt; 0 (a negative bound).
     */
    static double stopped(double t) {
        return t < 0 ? 0 : Math.sqrt(Math.nextUp(t));
    }

    /** The pending pairs on the scalar loop, each with its own rest bound. */
    private void flushOneByOne(DoubleRows x, int i, DoubleRows y, int d, int w, double t, double tRest,
                               DtwKernel.Scratch s, double[] out, int base) {
        int n = x.length(i) / d;
        for (int p = 0; p < count; p++) {
            int j = pending[p];
            double squared = DtwBand.bounded(x.data(), x.offset(i), n, y.data(), y.offset(j), y.length(j) / d, d, w,
                    t, rests[p], tRest, s.prev, s.cur);
            if (squared == Double.POSITIVE_INFINITY) {
                bounds.pruned[DtwBounds.ABANDONED]++;
            }
            // beyond t the loop's value may exceed the distance (cells past t are not exact)
            out[base + j] = squared <= t ? Math.sqrt(squared) : stopped(t);
        }
        count = 0;
    }
}
