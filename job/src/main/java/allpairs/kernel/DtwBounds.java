package allpairs.kernel;

import java.util.Arrays;

/**
 * The UCR suite's cascade of lower bounds for dtw under a bound (Rakthanmanon et al., KDD 2012): LB_Kim
 * (the first and the last cell, on every warping path), LB_Keogh of x against y's band envelope, then of
 * y against x's (equally long rows only: the envelope is of the band |i - j| ≤ w), and for the pairs that
 * pass, {@code rest[i]}: a lower bound of what a path still adds after its cell in DP row i, for early
 * abandoning ({@link DtwBand#bounded}). Each bound is a float sum that never exceeds the pair's float DTW
 * sum, so a pair whose bound exceeds the squared threshold T is beyond the bound and gets +inf: the
 * argument is in docs/kernels.md ("DTW pruning"). Task scratch: envelopes kept per row
 * ({@link DtwEnvelopes}), counts of the pairs each bound pruned.
 */
final class DtwBounds {
    /** Indexes of {@link #pruned}: LB_Kim, LB_Keogh (either direction), early abandoning. */
    static final int KIM = 0;
    static final int KEOGH = 1;
    static final int ABANDONED = 2;

    /** Pairs each bound pruned since the scratch was created. */
    final long[] pruned = new long[3];
    private final DtwEnvelopes xEnvelopes = new DtwEnvelopes();
    private final DtwEnvelopes yEnvelopes = new DtwEnvelopes();
    /** Per-step LB_Keogh terms of the two directions, then their suffix sums (index n: 0). */
    private final double[] eq;
    private final double[] ec;
    /** The bound that ruled out the last pair {@link #passes} refused: &gt; t, at most its squared DTW. */
    private double lastBound;

    DtwBounds(int maxValues) {
        this.eq = new double[maxValues + 1];
        this.ec = new double[maxValues + 1];
    }

    static long bytes(int maxValues) {
        return 2 * 8L * (maxValues + 1);
    }

    /**
     * False, counted, when a bound shows the pair (row i of x, row j of y) beyond the squared threshold t;
     * else true with {@code rest[1..n]} filled (zeros where LB_Keogh does not apply).
     */
    boolean passes(DoubleRows x, int i, DoubleRows y, int j, int d, int w, double t, double[] rest) {
        double[] xs = x.data();
        double[] ys = y.data();
        int xOff = x.offset(i);
        int yOff = y.offset(j);
        int n = x.length(i) / d;
        int m = y.length(j) / d;
        lastBound = kim(xs, xOff, n, ys, yOff, m, d);
        if (lastBound > t) {
            pruned[KIM]++;
            return false;
        }
        if (n != m) {
            Arrays.fill(rest, 0, n + 1, 0.0);
            return true;
        }
        DtwEnvelopes ey = y == x ? xEnvelopes : yEnvelopes;
        ey.prepare(y, j, d, w);
        xEnvelopes.prepare(x, i, d, w);
        if (DtwLanes.AVAILABLE && vectorKeoghPrunes(xs, xOff, ys, yOff, n * d, ey, t)) {
            pruned[KEOGH]++;
            return false;
        }
        lastBound = keogh(xs, xOff, n, d, ey.upper(), ey.lower(), yOff, t, eq);
        if (lastBound > t) {
            pruned[KEOGH]++;
            return false;
        }
        lastBound = keogh(ys, yOff, n, d, xEnvelopes.upper(), xEnvelopes.lower(), xOff, t, ec);
        if (lastBound > t) {
            pruned[KEOGH]++;
            return false;
        }
        fillRest(n, w, rest);
        return true;
    }

    double lastBound() {
        return lastBound;
    }

    /**
     * LB_Keogh both ways on the SIMD lanes, summed out of step order, as a cheap first filter: true (with
     * {@link #lastBound} set) when a sum exceeds t raised by {@link #slack} for its {@code len} terms. Most
     * pairs a tight bound rules out stop here; the others go on to the step-order sums, which give the
     * rest terms.
     */
    private boolean vectorKeoghPrunes(double[] xs, int xOff, double[] ys, int yOff, int len, DtwEnvelopes ey,
                                      double t) {
        double limit = slack(t, len);
        double sum = DtwLaneLoops.keoghSum(xs, xOff, len, ey.upper(), ey.lower(), yOff, limit);
        if (sum <= limit) {
            sum = DtwLaneLoops.keoghSum(ys, yOff, len, xEnvelopes.upper(), xEnvelopes.lower(), xOff, limit);
        }
        if (sum <= limit) {
            return false;
        }
        lastBound = Math.max(Math.nextUp(t), shrink(sum, len));
        return true;
    }

    /**
     * Cheap lower bounds of the squared distances of row i against rows jFrom..jTo-1 of y, into
     * {@code out[at ..]}: LB_Kim, and for equally long rows the larger LB_Keogh of y's row against x's
     * envelope (lanewise and {@link #shrink}ed where the lanes are used). Past the squared threshold t a
     * bound may be left unrefined (any bound above t). For {@code --top-k} ({@link DtwKernel#lowerBounds}).
     */
    void lowerBounds(DoubleRows x, int i, DoubleRows y, int jFrom, int jTo, int d, int w, double t, double[] out,
                     int at) {
        double[] xs = x.data();
        double[] ys = y.data();
        int xOff = x.offset(i);
        int n = x.length(i) / d;
        xEnvelopes.prepare(x, i, d, w);
        double limit = slack(t, n * d);
        for (int j = jFrom; j < jTo; j++) {
            int yOff = y.offset(j);
            int m = y.length(j) / d;
            double lb = kim(xs, xOff, n, ys, yOff, m, d);
            if (n == m && lb <= t) {
                lb = Math.max(lb, keoghBound(xs, xOff, ys, yOff, n, d, t, limit));
            }
            out[at + (j - jFrom)] = lb;
        }
    }

    /** LB_Keogh of y's row against x's envelope ({@link #lowerBounds}), at least the double above t once past it. */
    private double keoghBound(double[] xs, int xOff, double[] ys, int yOff, int n, int d, double t, double limit) {
        double[] upper = xEnvelopes.upper();
        double[] lower = xEnvelopes.lower();
        if (!DtwLanes.AVAILABLE) {
            return keogh(ys, yOff, n, d, upper, lower, xOff, t, ec); // step order: a bound as it is
        }
        double sum = DtwLaneLoops.keoghSum(ys, yOff, n * d, upper, lower, xOff, limit);
        double lb = shrink(sum, n * d);
        return sum > limit ? Math.max(lb, Math.nextUp(t)) : lb;
    }

    /** LB_Kim: the cost of the first cell plus that of the last (one cell when both rows have one step). */
    static double kim(double[] xs, int xOff, int n, double[] ys, int yOff, int m, int d) {
        double first = DtwBand.cost(xs, xOff, ys, yOff, d);
        if (n == 1 && m == 1) {
            return first;
        }
        return first + DtwBand.cost(xs, xOff + (n - 1) * d, ys, yOff + (m - 1) * d, d);
    }

    /**
     * LB_Keogh: Σ_s dist(a_s, [lower_s, upper_s])² in step order, each step's channels summed from 0 in
     * channel order as {@link DtwBand#cost}; the terms go to {@code term}. Stops once the sum is past t.
     */
    static double keogh(double[] a, int aOff, int n, int d, double[] upper, double[] lower, int eOff, double t,
                        double[] term) {
        double sum = 0;
        for (int s = 0; s < n; s++) {
            double c = 0;
            for (int k = 0; k < d; k++) {
                int at = s * d + k;
                double v = a[aOff + at];
                double up = upper[eOff + at];
                double lo = lower[eOff + at];
                // v - up past the top, v - lo below the bottom, else 0 (lo <= up: one at most is not 0); no branch
                double diff = Math.max(v - up, 0.0) + Math.min(v - lo, 0.0);
                c += diff * diff;
            }
            term[s] = c;
            sum += c;
            if (sum > t) {
                return sum;
            }
        }
        return sum;
    }

    /**
     * rest[i] = the larger of: the x-side terms of rows i+1..n (rows a path still visits after row i), and
     * the y-side terms of columns hi(i)+1..m (columns no cell of row i reaches). Suffix sums, backwards.
     */
    private void fillRest(int n, int w, double[] rest) {
        eq[n] = 0;
        ec[n] = 0;
        for (int s = n - 1; s >= 0; s--) {
            eq[s] += eq[s + 1];
            ec[s] += ec[s + 1];
        }
        for (int i = 1; i <= n; i++) {
            rest[i] = Math.max(eq[i], ec[DtwBand.hi(i, n, n, w)]);
        }
    }

    /**
     * The threshold a sum {@code rowMin + rest[i]} is compared with: t raised by (8n + 16) units in the
     * last place, more than the rounding of that sum and of the path's own sum can differ (docs/kernels.md).
     */
    static double slack(double t, int n) {
        return t <= 0 ? t : t * (1 + (8.0 * n + 16) * 0x1p-53);
    }

    /**
     * A sum of {@code n} non-negative terms taken out of step order, lowered by as much as {@link #slack}
     * raises a threshold: then at most the squared DTW of the pair whose terms they are (docs/kernels.md).
     */
    static double shrink(double sum, int n) {
        return sum * (1 - (8.0 * n + 16) * 0x1p-53);
    }
}
