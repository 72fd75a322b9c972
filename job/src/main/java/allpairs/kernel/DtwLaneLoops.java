package allpairs.kernel;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The DTW recursion of {@link DtwBand#full} on SIMD lanes, one pair per lane, {@link #WIDTH} pairs
 * (two vectors: two independent min-plus chains, so one hides the other's latency) sharing x, n, m
 * and the band. Arrays are interleaved: cell j of lane l at {@code j * WIDTH + l}. Every lane does
 * the scalar loop's operations on its own pair: cost (x_i - y_j)^2 (channels: summed from 0 in
 * channel order), then cost + min of the three neighbours. No value is NaN or -0.0 (inputs are
 * finite, D[0][0] = +0.0, costs are squares), so a min is the same double in any order and lanewise
 * min equals the scalar compare-and-pick: the results are bit-identical.
 *
 * <p>The inner loop takes four cells per iteration and keeps the running left cell in registers only
 * within it: C2 (JDK 17) may box vectors carried through loop phis, so iterations start from memory.
 * Loaded only after {@link DtwLanes#AVAILABLE} said yes.
 */
final class DtwLaneLoops {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final int WIDTH = 2 * LANES;
    private static final double INF = Double.POSITIVE_INFINITY;

    private DtwLaneLoops() {
    }

    /**
     * Each lane's D[n][m] into result; false when a whole DP row exceeded t in every lane (the pairs
     * are all beyond t, result unset). y is transposed (see {@link DtwLanes}); cost has
     * (m + 1) × WIDTH doubles, used when d &gt; 1. With {@code rest} (interleaved as the DP rows: lane l's
     * rest[i] at i × WIDTH + l, {@link DtwBounds}) the group also stops once every lane's smallest cell
     * plus its rest[i] exceeds {@code tRest}.
     */
    static boolean full(double[] xs, int xOff, int n, double[] y, int m, int d, int w, double t, double[] rest,
                        double tRest, double[] prev, double[] cur, double[] cost, double[] result) {
        final int l = WIDTH;
        Arrays.fill(prev, 0, l, 0.0);
        Arrays.fill(prev, l, (Math.min(m, DtwBand.hi(1, n, m, w)) + 1) * l, INF);
        for (int i = 1; i <= n; i++) {
            final int lo = DtwBand.lo(i, n, m, w);
            final int hi = DtwBand.hi(i, n, m, w);
            Arrays.fill(cur, (lo - 1) * l, lo * l, INF);
            if (d == 1) {
                oneChannelRow(xs[xOff + i - 1], y, lo, hi, prev, cur);
            } else {
                costs(xs, xOff + (i - 1) * d, y, d, lo, hi, cost);
                costRow(cost, lo, hi, prev, cur);
            }
            if (hi < m) {
                Arrays.fill(cur, (hi + 1) * l, (hi + 2) * l, INF);
            }
            if (t != INF && rowAbove(cur, lo, hi, rest, i, rest == null ? t : tRest)) {
                return false;
            }
            double[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        System.arraycopy(prev, m * l, result, 0, l);
        return true;
    }

    /** True when every lane's cells lo..hi (plus the lane's rest[i], with rest) all exceed t. */
    private static boolean rowAbove(double[] row, int lo, int hi, double[] rest, int i, double t) {
        final int l = WIDTH;
        DoubleVector a = DoubleVector.fromArray(SPECIES, row, lo * l);
        DoubleVector b = DoubleVector.fromArray(SPECIES, row, lo * l + LANES);
        for (int j = lo + 1; j <= hi; j++) {
            a = a.min(DoubleVector.fromArray(SPECIES, row, j * l));
            b = b.min(DoubleVector.fromArray(SPECIES, row, j * l + LANES));
        }
        if (rest != null) {
            a = a.add(DoubleVector.fromArray(SPECIES, rest, i * l));
            b = b.add(DoubleVector.fromArray(SPECIES, rest, i * l + LANES));
        }
        return a.min(b).reduceLanes(VectorOperators.MIN) > t;
    }

    /**
     * LB_Keogh's squared sum of a[aOff ..] (len values) against the envelope upper/lower[eOff ..], summed
     * lanewise (not in step order: callers compare it with {@link DtwBounds#slack} of len terms, or shrink it,
     * see docs/kernels.md); stops, returning the partial sum, once it exceeds {@code limit} (checked every
     * 4 vectors). Each value's term is exactly the scalar {@link DtwBounds#keogh} term: at most one of
     * max(v - up, 0) and min(v - lo, 0) is non-zero, since lo &lt;= up.
     */
    static double keoghSum(double[] a, int aOff, int len, double[] upper, double[] lower, int eOff, double limit) {
        final int h = LANES;
        double sum = 0;
        int v = 0;
        // Four vectors per iteration, reduced to a scalar: no vector lives across iterations or is returned
        // from a call (C2 may box either: DtwLanesTest checks that a warm row allocates nothing).
        for (; v + 4 * h <= len; v += 4 * h) {
            final DoubleVector zero = DoubleVector.zero(SPECIES);
            DoubleVector acc = zero;
            for (int q = 0; q < 4 * h; q += h) {
                final DoubleVector x = DoubleVector.fromArray(SPECIES, a, aOff + v + q);
                final DoubleVector diff = x.sub(DoubleVector.fromArray(SPECIES, upper, eOff + v + q)).max(zero)
                        .add(x.sub(DoubleVector.fromArray(SPECIES, lower, eOff + v + q)).min(zero));
                acc = acc.add(diff.mul(diff));
            }
            sum += acc.reduceLanes(VectorOperators.ADD);
            if (sum > limit) {
                return sum;
            }
        }
        for (; v < len; v++) {
            final double x = a[aOff + v];
            final double diff = Math.max(x - upper[eOff + v], 0.0) + Math.min(x - lower[eOff + v], 0.0);
            sum += diff * diff;
        }
        return sum;
    }

    /** One row, one channel: cells lo..hi of every lane, four per iteration. */
    private static void oneChannelRow(double xi, double[] y, int lo, int hi, double[] prev, double[] cur) {
        final int l = WIDTH;
        final int h = LANES;
        int j = lo;
        for (; j + 3 <= hi; j += 4) {
            final int at = j * l;
            // Broadcast per iteration: a vector live across the loop's safepoint may be boxed (C2, JDK 17).
            final DoubleVector x = DoubleVector.broadcast(SPECIES, xi);
            DoubleVector leftA = DoubleVector.fromArray(SPECIES, cur, at - l);
            DoubleVector leftB = DoubleVector.fromArray(SPECIES, cur, at - l + h);
            DoubleVector diagA = DoubleVector.fromArray(SPECIES, prev, at - l);
            DoubleVector diagB = DoubleVector.fromArray(SPECIES, prev, at - l + h);
            DoubleVector upA = DoubleVector.fromArray(SPECIES, prev, at);
            DoubleVector upB = DoubleVector.fromArray(SPECIES, prev, at + h);
            DoubleVector dA = x.sub(DoubleVector.fromArray(SPECIES, y, at - l));
            DoubleVector dB = x.sub(DoubleVector.fromArray(SPECIES, y, at - l + h));
            leftA = dA.mul(dA).add(diagA.min(upA).min(leftA));
            leftB = dB.mul(dB).add(diagB.min(upB).min(leftB));
            leftA.intoArray(cur, at);
            leftB.intoArray(cur, at + h);
            diagA = upA;
            diagB = upB;
            upA = DoubleVector.fromArray(SPECIES, prev, at + l);
            upB = DoubleVector.fromArray(SPECIES, prev, at + l + h);
            dA = x.sub(DoubleVector.fromArray(SPECIES, y, at));
            dB = x.sub(DoubleVector.fromArray(SPECIES, y, at + h));
            leftA = dA.mul(dA).add(diagA.min(upA).min(leftA));
            leftB = dB.mul(dB).add(diagB.min(upB).min(leftB));
            leftA.intoArray(cur, at + l);
            leftB.intoArray(cur, at + l + h);
            diagA = upA;
            diagB = upB;
            upA = DoubleVector.fromArray(SPECIES, prev, at + 2 * l);
            upB = DoubleVector.fromArray(SPECIES, prev, at + 2 * l + h);
            dA = x.sub(DoubleVector.fromArray(SPECIES, y, at + l));
            dB = x.sub(DoubleVector.fromArray(SPECIES, y, at + l + h));
            leftA = dA.mul(dA).add(diagA.min(upA).min(leftA));
            leftB = dB.mul(dB).add(diagB.min(upB).min(leftB));
            leftA.intoArray(cur, at + 2 * l);
            leftB.intoArray(cur, at + 2 * l + h);
            diagA = upA;
            diagB = upB;
            upA = DoubleVector.fromArray(SPECIES, prev, at + 3 * l);
            upB = DoubleVector.fromArray(SPECIES, prev, at + 3 * l + h);
            dA = x.sub(DoubleVector.fromArray(SPECIES, y, at + 2 * l));
            dB = x.sub(DoubleVector.fromArray(SPECIES, y, at + 2 * l + h));
            leftA = dA.mul(dA).add(diagA.min(upA).min(leftA));
            leftB = dB.mul(dB).add(diagB.min(upB).min(leftB));
            leftA.intoArray(cur, at + 3 * l);
            leftB.intoArray(cur, at + 3 * l + h);
        }
        for (; j <= hi; j++) {
            final int at = j * l;
            final DoubleVector x = DoubleVector.broadcast(SPECIES, xi);
            final DoubleVector dA = x.sub(DoubleVector.fromArray(SPECIES, y, at - l));
            final DoubleVector dB = x.sub(DoubleVector.fromArray(SPECIES, y, at - l + h));
            dA.mul(dA).add(DoubleVector.fromArray(SPECIES, prev, at - l)
                    .min(DoubleVector.fromArray(SPECIES, prev, at))
                    .min(DoubleVector.fromArray(SPECIES, cur, at - l))).intoArray(cur, at);
            dB.mul(dB).add(DoubleVector.fromArray(SPECIES, prev, at - l + h)
                    .min(DoubleVector.fromArray(SPECIES, prev, at + h))
                    .min(DoubleVector.fromArray(SPECIES, cur, at - l + h))).intoArray(cur, at + h);
        }
    }

    /** cost[j] for j in lo..hi: 0 + (x_0 - y_0)^2 + (x_1 - y_1)^2 + ... per lane, channel by channel. */
    private static void costs(double[] xs, int xAt, double[] y, int d, int lo, int hi, double[] cost) {
        final int l = WIDTH;
        Arrays.fill(cost, lo * l, (hi + 1) * l, 0.0);
        for (int k = 0; k < d; k++) {
            for (int j = lo; j <= hi; j++) {
                final DoubleVector x = DoubleVector.broadcast(SPECIES, xs[xAt + k]);
                final int yAt = ((j - 1) * d + k) * l;
                for (int v = 0; v < l; v += LANES) {
                    final DoubleVector diff = x.sub(DoubleVector.fromArray(SPECIES, y, yAt + v));
                    DoubleVector.fromArray(SPECIES, cost, j * l + v).add(diff.mul(diff)).intoArray(cost, j * l + v);
                }
            }
        }
    }

    /** One row from precomputed costs (several channels), cell by cell. */
    private static void costRow(double[] cost, int lo, int hi, double[] prev, double[] cur) {
        final int l = WIDTH;
        for (int j = lo; j <= hi; j++) {
            for (int v = j * l; v < (j + 1) * l; v += LANES) {
                DoubleVector.fromArray(SPECIES, cost, v).add(DoubleVector.fromArray(SPECIES, prev, v - l)
                        .min(DoubleVector.fromArray(SPECIES, prev, v))
                        .min(DoubleVector.fromArray(SPECIES, cur, v - l))).intoArray(cur, v);
            }
        }
    }
}
