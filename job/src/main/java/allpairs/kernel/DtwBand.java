package allpairs.kernel;

import java.util.Arrays;

/**
 * The DTW recursion over one pair, in two DP rows ({@code prev}, {@code cur}, indexed by the column j
 * of y, 0..m). x has n steps, y has m steps, each step d values (channels); the cost of a cell is the
 * squared Euclidean distance between the two steps, summed over the channels in order. With a window
 * w ≥ 0 row i computes only the columns {@code lo(i) .. hi(i)}:
 * <pre>
 *   lo(i) = max(1, i - max(0, n - m) - w),   hi(i) = min(m, i + max(0, m - n) + w)
 * </pre>
 * (dtaidistance's band for its {@code window = w + 1}: the cells between the diagonal from (1, 1)
 * and the diagonal into (n, m), widened by w on each side). Both ends never decrease from one row to
 * the next and grow by at most 1, so a row reads only cells the previous row wrote, or the +inf
 * written just outside them.
 *
 * <p>{@link #bounded} computes the same cells with a threshold T on the squared total: every cell
 * whose true value is ≤ T is exact (its optimal predecessor is ≤ T too, so it is computed from exact
 * values); every other cell holds some value &gt; T (costs are ≥ 0 and a rounded sum never falls
 * below its larger addend). So a row whose cells all exceed T ends the pair, and the columns before
 * the previous row's first cell ≤ T, or after the point where both the previous row and the running
 * cell are past T, need no computing (they are written as +inf).
 */
final class DtwBand {
    private static final double INF = Double.POSITIVE_INFINITY;

    private DtwBand() {
    }

    static int lo(int i, int n, int m, int w) {
        return (int) Math.max(1L, (long) i - Math.max(0, n - m) - w);
    }

    static int hi(int i, int n, int m, int w) {
        return (int) Math.min(m, (long) i + Math.max(0, m - n) + w);
    }

    /** The exact squared total D[n][m]; w = Integer.MAX_VALUE for no window. */
    static double full(double[] xs, int xOff, int n, double[] ys, int yOff, int m, int d, int w,
                       double[] prev, double[] cur) {
        startRowZero(prev, Math.min(m, hi(1, n, m, w)));
        for (int i = 1; i <= n; i++) {
            final int lo = lo(i, n, m, w);
            final int hi = hi(i, n, m, w);
            // cur holds row i-2: overwrite the cells next to the band that row i and row i+1 read.
            cur[lo - 1] = INF;
            if (d == 1) {
                oneChannelRow(xs[xOff + i - 1], ys, yOff, lo, hi, prev, cur);
            } else {
                channelsRow(xs, xOff + (i - 1) * d, ys, yOff, d, lo, hi, prev, cur);
            }
            if (hi < m) {
                cur[hi + 1] = INF;
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** Row 0 as row 1 reads it: D[0][0] = 0 and +inf up to row 1's last band cell. */
    private static void startRowZero(double[] prev, int firstHi) {
        prev[0] = 0;
        for (int j = 1; j <= firstHi; j++) {
            prev[j] = INF;
        }
    }

    private static void oneChannelRow(double xi, double[] ys, int yOff, int lo, int hi, double[] prev,
                                      double[] cur) {
        double left = INF;
        for (int j = lo; j <= hi; j++) {
            final double diff = xi - ys[yOff + j - 1];
            double best = prev[j - 1];
            if (prev[j] < best) {
                best = prev[j];
            }
            if (left < best) {
                best = left;
            }
            left = diff * diff + best;
            cur[j] = left;
        }
    }

    private static void channelsRow(double[] xs, int xAt, double[] ys, int yOff, int d, int lo, int hi,
                                    double[] prev, double[] cur) {
        double left = INF;
        for (int j = lo; j <= hi; j++) {
            final double cost = cost(xs, xAt, ys, yOff + (j - 1) * d, d);
            double best = prev[j - 1];
            if (prev[j] < best) {
                best = prev[j];
            }
            if (left < best) {
                best = left;
            }
            left = cost + best;
            cur[j] = left;
        }
    }

    /** Squared Euclidean distance between two steps of d channels, summed in channel order. */
    static double cost(double[] xs, int xAt, double[] ys, int yAt, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            final double diff = xs[xAt + k] - ys[yAt + k];
            s += diff * diff;
        }
        return s;
    }

    /**
     * D[n][m] when it is ≤ {@code t}, bit for bit as {@link #full}; otherwise some value &gt; t
     * (+inf when the pair is abandoned early). With {@code rest} ({@link DtwBounds}: a lower bound of what
     * a path adds after row i), the pair is also abandoned once a row's smallest cell ≤ t plus rest[i]
     * exceeds {@code tRest} ({@link DtwBounds#slack}).
     */
    static double bounded(double[] xs, int xOff, int n, double[] ys, int yOff, int m, int d, int w, double t,
                          double[] rest, double tRest, double[] prev, double[] cur) {
        startRowZero(prev, Math.min(m, hi(1, n, m, w)));
        int firstAlive = 0; // columns of the previous row holding a value <= t (row 0: just D[0][0])
        int lastAlive = 0;
        for (int i = 1; i <= n; i++) {
            // Columns before the previous row's first live cell only see values > t.
            final int lo = Math.max(lo(i, n, m, w), firstAlive);
            final int hi = hi(i, n, m, w);
            cur[lo - 1] = INF;
            int first = -1;
            int last = -1;
            double rowMin = INF;
            double left = INF;
            int j = lo;
            for (; j <= hi; j++) {
                final double cost = d == 1 ? sq(xs[xOff + i - 1] - ys[yOff + j - 1])
                        : cost(xs, xOff + (i - 1) * d, ys, yOff + (j - 1) * d, d);
                double best = prev[j - 1];
                if (prev[j] < best) {
                    best = prev[j];
                }
                if (left < best) {
                    best = left;
                }
                left = cost + best;
                cur[j] = left;
                if (left <= t) {
                    if (first < 0) {
                        first = j;
                    }
                    last = j;
                    if (left < rowMin) {
                        rowMin = left;
                    }
                } else if (j > lastAlive) {
                    break; // the previous row is past t from here on, and so is this cell: so is the rest
                }
            }
            if (first < 0 || rest != null && rowMin + rest[i] > tRest) {
                return INF;
            }
            // The next row reads up to hi(i+1) <= hi + 1.
            Arrays.fill(cur, Math.min(j + 1, hi + 1), Math.min(m, hi + 1) + 1, INF);
            firstAlive = first;
            lastAlive = last;
            double[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[m];
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * The largest double T with sqrt(T) ≤ bound: a squared total above T is a distance above the
     * bound (sqrt is correctly rounded and monotone), one at or below it is a kept distance.
     */
    static double squaredThreshold(double bound) {
        if (Double.isNaN(bound) || bound == INF) {
            return INF;
        }
        if (bound < 0) {
            return -1; // every distance is >= 0 > bound
        }
        double t = bound * bound;
        if (t == INF) {
            t = Double.MAX_VALUE;
        }
        while (t > 0 && Math.sqrt(t) > bound) {
            t = Math.nextDown(t);
        }
        while (t < Double.MAX_VALUE && Math.sqrt(Math.nextUp(t)) <= bound) {
            t = Math.nextUp(t);
        }
        return t;
    }
}
