package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dtw's lower-bound cascade under a bound ({@link DtwBounds}, {@link DtwPrunedRow}): every pair within the
 * bound is bit-identical to the exact value of {@link Kernel#compute} (pair by pair, no bound), every other
 * is beyond it, on z-normalised random walks of one length (where LB_Keogh applies), series of other
 * lengths (where it does not), rows of small integers (many ties) and bounds that are themselves
 * distances (ties at the threshold); and each bound rules pairs out. The bounds themselves never exceed
 * the exact squared DTW.
 */
class DtwPruningTest {
    /** z-normalised random walks of 64 steps (d channels), then ragged walks and integer rows. */
    static double[][] rows(int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < 70; r++) {
            rows.add(zNormalised(walk(rnd, 64 * d, r % 9 == 8)));
        }
        for (int r = 0; r < 12; r++) {
            rows.add(walk(rnd, (1 + rnd.nextInt(80)) * d, r % 3 == 0));
        }
        rows.add(rows.get(3).clone()); // an equal row: distance 0
        return rows.toArray(new double[0][]);
    }

    private static double[] walk(SplittableRandom rnd, int len, boolean coarse) {
        double[] s = new double[len];
        double v = 0;
        for (int k = 0; k < len; k++) {
            v += coarse ? rnd.nextInt(-1, 2) : rnd.nextGaussian();
            s[k] = v;
        }
        return s;
    }

    static double[] zNormalised(double[] s) {
        double mean = Arrays.stream(s).average().orElse(0);
        double var = Arrays.stream(s).map(v -> (v - mean) * (v - mean)).average().orElse(0);
        double sd = var > 0 ? Math.sqrt(var) : 1;
        return Arrays.stream(s).map(v -> (v - mean) / sd).toArray();
    }

    @ParameterizedTest(name = "window {0}, channels {1}")
    @CsvSource({"-1, 1", "0, 1", "3, 1", "10, 1", "-1, 3", "3, 3"})
    void withABoundEveryPairWithinItIsExactAndEveryOtherBeyondIt(int window, int channels) {
        Kernel<DtwKernel.Scratch> k = DtwKernelTest.configured(window < 0 ? null : window, channels);
        double[][] rows = rows(channels, 41 + window);
        DoubleRows data = ragged(rows);
        DtwKernel.Scratch s = k.newScratch(data.maxLength());
        int m = rows.length;
        double[] exact = new double[m];
        double[] out = new double[m];
        for (int i = 0; i < m; i += 2) {
            for (int j = 0; j < m; j++) {
                exact[j] = k.compute(data, i, data, j, s);
            }
            double[] sorted = exact.clone();
            Arrays.sort(sorted);
            // the bound is itself a distance: pairs tie with it and must stay exact
            for (double bound : new double[] {sorted[1], sorted[m / 20], sorted[m / 4], sorted[m / 2], 0.0}) {
                int from = i % 5;
                k.computeRow(data, i, data, from, m, bound, s, out, 0);
                for (int j = from; j < m; j++) {
                    double v = out[j - from];
                    if (exact[j] <= bound) {
                        assertThat(Double.doubleToRawLongBits(v)).as("pair (%d, %d), bound %s", i, j, bound)
                                .isEqualTo(Double.doubleToRawLongBits(exact[j]));
                    } else {
                        assertThat(v).as("pair (%d, %d) = %s, bound %s", i, j, exact[j], bound).isGreaterThan(bound);
                    }
                }
            }
        }
        long[] pruned = k.pruned(s);
        assertThat(k.prunedBy()).containsExactly("lb_kim", "lb_keogh", "early_abandon");
        assertThat(pruned[DtwBounds.KIM]).as("pairs LB_Kim ruled out").isPositive();
        assertThat(pruned[DtwBounds.KEOGH]).as("pairs LB_Keogh ruled out").isPositive();
        assertThat(pruned[DtwBounds.ABANDONED]).as("pairs abandoned early").isPositive();
    }

    /** LB_Kim and LB_Keogh (both directions, whole sums) never exceed the exact squared DTW. */
    @ParameterizedTest(name = "window {0}")
    @CsvSource({"-1", "0", "2", "7"})
    void theBoundsNeverExceedTheSquaredDistance(int window) {
        SplittableRandom rnd = new SplittableRandom(5 + window);
        int w = window < 0 ? Integer.MAX_VALUE : window;
        for (int trial = 0; trial < 3000; trial++) {
            int d = 1 + rnd.nextInt(2);
            int n = 1 + rnd.nextInt(trial % 2 == 0 ? 20 : 70); // past a few lane blocks of 16 values too
            double scale = Math.pow(10, rnd.nextInt(-8, 9)); // rounding at every magnitude
            double[] x = new double[n * d];
            double[] y = new double[n * d];
            for (int v = 0; v < x.length; v++) {
                x[v] = rnd.nextDouble(-1, 1) * scale;
                y[v] = rnd.nextInt(4) == 0 ? x[v] : rnd.nextDouble(-1, 1) * scale;
            }
            DoubleRows rows = ragged(x, y);
            double[] prev = new double[n + 1];
            double[] cur = new double[n + 1];
            double dtw = DtwBand.full(x, 0, n, y, 0, n, d, w, prev, cur);
            assertThat(DtwBounds.kim(x, 0, n, y, 0, n, d)).isLessThanOrEqualTo(dtw);
            DtwEnvelopes env = new DtwEnvelopes();
            double[] term = new double[n + 1];
            env.prepare(rows, 1, d, w);
            assertThat(DtwBounds.keogh(x, 0, n, d, env.upper(), env.lower(), rows.offset(1), Double.POSITIVE_INFINITY,
                    term)).as("x against y's envelope").isLessThanOrEqualTo(dtw);
            env.prepare(rows, 0, d, w);
            assertThat(DtwBounds.keogh(y, 0, n, d, env.upper(), env.lower(), 0, Double.POSITIVE_INFINITY, term))
                    .as("y against x's envelope").isLessThanOrEqualTo(dtw);
            // the lanewise (shrunk) bound of --top-k's best-first visit, whole and refined only up to the distance
            double[] lb = new double[1];
            for (double t : new double[] {Double.POSITIVE_INFINITY, dtw, Math.nextDown(dtw) / 2}) {
                new DtwBounds(rows.maxLength()).lowerBounds(rows, 0, rows, 1, 2, d, w, t, lb, 0);
                assertThat(lb[0]).as("lowerBounds under %s", t).isLessThanOrEqualTo(dtw);
            }
            // the tightest bound the cascade may use keeps the pair exact
            double bounded = DtwBand.bounded(x, 0, n, y, 0, n, d, w, dtw, rest(rows, d, w, dtw),
                    DtwBounds.slack(dtw, n), prev, cur);
            assertThat(Double.doubleToRawLongBits(bounded)).isEqualTo(Double.doubleToRawLongBits(dtw));
        }
    }

    private static double[] rest(DoubleRows rows, int d, int w, double t) {
        double[] rest = new double[rows.maxLength() + 1];
        assertThat(new DtwBounds(rows.maxLength()).passes(rows, 0, rows, 1, d, w, t, rest)).isTrue();
        return rest;
    }

    /** The envelopes: each step's min and max over the steps within the window, per channel. */
    @Test
    void envelopesAreTheWindowsMinAndMax() {
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        DoubleRows rows = ragged(x);
        DtwEnvelopes env = new DtwEnvelopes();
        env.prepare(rows, 0, 1, 1);
        assertThat(Arrays.copyOf(env.upper(), 8)).containsExactly(3, 4, 4, 5, 9, 9, 9, 6);
        assertThat(Arrays.copyOf(env.lower(), 8)).containsExactly(1, 1, 1, 1, 1, 2, 2, 2);
        DtwEnvelopes whole = new DtwEnvelopes();
        whole.prepare(rows, 0, 2, Integer.MAX_VALUE); // two channels, no window
        assertThat(Arrays.copyOf(whole.upper(), 8)).containsExactly(5, 9, 5, 9, 5, 9, 5, 9);
        assertThat(Arrays.copyOf(whole.lower(), 8)).containsExactly(2, 1, 2, 1, 2, 1, 2, 1);
    }
}
