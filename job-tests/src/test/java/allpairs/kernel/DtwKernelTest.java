package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.assertComputeDoesNotAllocate;
import static allpairs.kernel.KernelTestSupport.ragged;
import static allpairs.kernel.KernelTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DtwKernelTest {
    /**
     * The reference: the full (n+1) x (m+1) matrix, every cell visited, the window applied as a plain
     * condition (null = no window) in dtaidistance's form: cell (i, j) is in the band when
     * -max(0, n-m) - w <= j - i <= max(0, m-n) + w. Steps are d consecutive values; the cost is the
     * squared Euclidean distance between steps, summed in channel order.
     */
    static double reference(double[] x, double[] y, Integer window, int d) {
        return Math.sqrt(referenceSquared(x, y, window, d));
    }

    static double reference(double[] x, double[] y, Integer window) {
        return reference(x, y, window, 1);
    }

    static double referenceSquared(double[] x, double[] y, Integer window, int d) {
        int n = x.length / d;
        int m = y.length / d;
        double[][] dp = new double[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                boolean inBand = window == null
                        || (j - i >= -Math.max(0, n - m) - (long) window && j - i <= Math.max(0, m - n) + (long) window);
                if (i == 0 && j == 0) {
                    dp[i][j] = 0;
                } else if (i == 0 || j == 0 || !inBand) {
                    dp[i][j] = Double.POSITIVE_INFINITY;
                } else {
                    double cost = 0;
                    for (int k = 0; k < d; k++) {
                        double diff = x[(i - 1) * d + k] - y[(j - 1) * d + k];
                        cost += diff * diff;
                    }
                    dp[i][j] = cost + Math.min(dp[i - 1][j - 1], Math.min(dp[i - 1][j], dp[i][j - 1]));
                }
            }
        }
        return dp[n][m];
    }

    @SuppressWarnings("unchecked")
    static Kernel<DtwKernel.Scratch> configured(Integer window, int channels) {
        DtwKernel k = new DtwKernel();
        List<String> params = new java.util.ArrayList<>(List.of("channels=" + channels));
        if (window != null) {
            params.add("window=" + window);
        }
        return k.configure(Kernels.parse(k, params));
    }

    @SuppressWarnings("unchecked")
    static Kernel<DtwKernel.Scratch> withWindow(Integer window) {
        DtwKernel k = new DtwKernel();
        return k.configure(Kernels.parse(k, window == null ? List.of() : List.of("window=" + window)));
    }

    static double pair(Kernel<DtwKernel.Scratch> k, double[] x, double[] y) {
        DoubleRows rows = ragged(x, y);
        return k.compute(rows, 0, rows, 1, k.newScratch(rows.maxLength()));
    }

    static double[][] randomRows(SplittableRandom rnd, int count, int minLen, int maxLen) {
        double[][] rows = new double[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = new double[rnd.nextInt(minLen, maxLen + 1)];
            for (int k = 0; k < rows[r].length; k++) {
                rows[r][k] = rnd.nextDouble(-5, 5);
            }
        }
        return rows;
    }

    private final DtwKernel kernel = new DtwKernel();

    @Test
    void handWorkedExamples() {
        // Warping absorbs the repeated 1.
        assertThat(pair(kernel, new double[] {0, 1, 2}, new double[] {0, 1, 1, 2})).isEqualTo(0.0);
        // Every path pays (1-2)^2 on the first row and (3-2)^2 on the last: sqrt(1 + 0 + 1).
        assertThat(pair(kernel, new double[] {1, 2, 3}, new double[] {2, 2, 2})).isEqualTo(Math.sqrt(2));
        // [0,0,1] vs [0,1,1]: warping pairs them at cost 0, window 0 forces the diagonal: sqrt(0 + 1 + 0).
        assertThat(pair(kernel, new double[] {0, 0, 1}, new double[] {0, 1, 1})).isEqualTo(0.0);
        assertThat(pair(withWindow(1), new double[] {0, 0, 1}, new double[] {0, 1, 1})).isEqualTo(0.0);
        assertThat(pair(withWindow(0), new double[] {0, 0, 1}, new double[] {0, 1, 1})).isEqualTo(1.0);
        // Unequal lengths shift the band's far edge by |3 - 4| = 1, which the warping path needs.
        assertThat(pair(withWindow(0), new double[] {0, 1, 2}, new double[] {0, 1, 1, 2})).isEqualTo(0.0);
        // ... on one side only (dtaidistance's band): x = [1, 1, 2], y = [1, 2, 2, 2] with window 0 allows
        // 0 <= j - i <= 1, not the cell (2, 1) that would match x's second 1 with y's 1 for free.
        assertThat(pair(kernel, new double[] {1, 1, 2}, new double[] {1, 2, 2, 2})).isEqualTo(0.0);
        assertThat(pair(withWindow(0), new double[] {1, 1, 2}, new double[] {1, 2, 2, 2})).isEqualTo(1.0);
        assertThat(pair(withWindow(0), new double[] {1, 2, 2, 2}, new double[] {1, 1, 2})).isEqualTo(1.0);
        assertThat(pair(withWindow(1), new double[] {1, 1, 2}, new double[] {1, 2, 2, 2})).isEqualTo(0.0);
        // One element against many: every path visits each cell of the single row.
        assertThat(pair(withWindow(0), new double[] {1}, new double[] {2, 3, 1})).isEqualTo(Math.sqrt(1 + 4 + 0));
    }

    @Test
    void matchesTheFullMatrixReferenceForEveryWindow() {
        SplittableRandom rnd = new SplittableRandom(17);
        double[][] rows = randomRows(rnd, 12, 1, 30);
        DoubleRows data = ragged(rows);
        for (Integer window : new Integer[] {null, 0, 1, 2, 5, 100, Integer.MAX_VALUE}) {
            Kernel<DtwKernel.Scratch> k = withWindow(window);
            DtwKernel.Scratch scratch = k.newScratch(data.maxLength());
            for (int i = 0; i < rows.length; i++) {
                for (int j = i; j < rows.length; j++) {
                    // same operations in the same order as the reference: bit-exact
                    assertThat(k.compute(data, i, data, j, scratch)).as("window %s pair (%d, %d)", window, i, j)
                            .isEqualTo(reference(rows[i], rows[j], window));
                }
            }
        }
    }

    @Test
    void oneScratchReusedOverRaggedRowsInEveryOrder() {
        // Rows of very different lengths one after another: long pairs leave stale cells that a
        // short or narrow-banded pair must not read.
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] rows = randomRows(rnd, 16, 1, 50);
        DoubleRows data = ragged(rows);
        for (Integer window : new Integer[] {null, 0, 2}) {
            Kernel<DtwKernel.Scratch> k = withWindow(window);
            DtwKernel.Scratch scratch = k.newScratch(data.maxLength());
            for (int rep = 0; rep < 3; rep++) {
                for (int t = 0; t < 100; t++) {
                    int i = rnd.nextInt(rows.length);
                    int j = rnd.nextInt(rows.length);
                    assertThat(k.compute(data, Math.min(i, j), data, Math.max(i, j), scratch))
                            .isEqualTo(reference(rows[Math.min(i, j)], rows[Math.max(i, j)], window));
                }
            }
        }
    }

    @Test
    void isSymmetric() {
        SplittableRandom rnd = new SplittableRandom(2);
        double[][] rows = randomRows(rnd, 8, 1, 25);
        DoubleRows data = ragged(rows);
        for (Integer window : new Integer[] {null, 0, 3}) {
            Kernel<DtwKernel.Scratch> k = withWindow(window);
            DtwKernel.Scratch s = k.newScratch(data.maxLength());
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < rows.length; j++) {
                    assertThat(k.compute(data, i, data, j, s)).isEqualTo(k.compute(data, j, data, i, s));
                }
            }
        }
    }

    @Test
    void configureFromSettingsAndRejectBadOnes() {
        @SuppressWarnings("unchecked")
        Kernel<DtwKernel.Scratch> k = (Kernel<DtwKernel.Scratch>) Kernels.configured("dtw", List.of("window=0"));
        assertThat(pair(k, new double[] {0, 0, 1}, new double[] {0, 1, 1})).isEqualTo(1.0);
        assertThat(Kernels.parse(kernel, List.of()).isSet("window")).isFalse();
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("window=-1"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("window=1.5"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("band=3"))).isInstanceOf(UserError.class);
    }

    @Test
    void survivesJavaSerializationWithItsWindow() {
        assertThat(pair(roundTrip(withWindow(0)), new double[] {0, 0, 1}, new double[] {0, 1, 1})).isEqualTo(1.0);
        assertThat(pair(roundTrip(withWindow(null)), new double[] {0, 0, 1}, new double[] {0, 1, 1})).isEqualTo(0.0);
    }

    @Test
    void severalChannelsMatchTheReference() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int d : new int[] {1, 2, 3, 5}) {
            double[][] rows = randomSteps(rnd, 10, 1, 20, d);
            DoubleRows data = ragged(rows);
            for (Integer window : new Integer[] {null, 0, 2, 7}) {
                Kernel<DtwKernel.Scratch> k = configured(window, d);
                k.checkRows(data, "test");
                DtwKernel.Scratch scratch = k.newScratch(data.maxLength());
                for (int i = 0; i < rows.length; i++) {
                    for (int j = i; j < rows.length; j++) {
                        assertThat(k.compute(data, i, data, j, scratch)).as("d=%d window %s (%d, %d)", d, window, i, j)
                                .isEqualTo(reference(rows[i], rows[j], window, d));
                    }
                }
            }
        }
    }

    @Test
    void refusesRowsThatAreNotWholeSteps() {
        DoubleRows data = ragged(new double[6], new double[7]);
        configured(null, 2).checkRows(ragged(new double[6], new double[8]), "f.npz");
        assertThatThrownBy(() -> configured(null, 2).checkRows(data, "f.npz")).isInstanceOf(UserError.class)
                .hasMessageContaining("row 1 has 7 values, not a multiple of channels=2").hasMessageContaining("f.npz");
        assertThatThrownBy(() -> kernel.checkRows(ragged(new double[3], new double[0]), "f.npy"))
                .hasMessageContaining("row 1 has 0 values, an empty series");
    }

    /**
     * The bound: a pair within it has the unbounded value's exact bits, any other gets a value beyond
     * it. Bounds at, just below and just above actual distances (the squared threshold's rounding), at
     * quantiles, 0, negative and +inf; windows, channels and unequal lengths.
     */
    @Test
    void boundedRowsAreExactWithinTheBoundAndBeyondItOtherwise() {
        SplittableRandom rnd = new SplittableRandom(31);
        int abandoned = 0;
        for (int d : new int[] {1, 3}) {
            double[][] rows = randomWalks(rnd, 14, 1, 40, d);
            DoubleRows data = ragged(rows);
            for (Integer window : new Integer[] {null, 0, 3}) {
                Kernel<DtwKernel.Scratch> k = configured(window, d);
                DtwKernel.Scratch s = k.newScratch(data.maxLength());
                double[] exact = new double[rows.length * rows.length];
                for (int i = 0; i < rows.length; i++) {
                    k.computeRow(data, i, data, 0, rows.length, Double.POSITIVE_INFINITY, s, exact, i * rows.length);
                }
                List<Double> bounds = new java.util.ArrayList<>(List.of(0.0, -1.0, Double.POSITIVE_INFINITY, Double.NaN));
                double[] sorted = exact.clone();
                java.util.Arrays.sort(sorted);
                for (int q = 1; q < 10; q++) {
                    double v = sorted[q * sorted.length / 10];
                    bounds.addAll(List.of(v, Math.nextDown(v), Math.nextUp(v), v * 0.5));
                }
                for (double bound : bounds) {
                    double[] out = new double[exact.length];
                    for (int i = 0; i < rows.length; i++) {
                        k.computeRow(data, i, data, 0, rows.length, bound, s, out, i * rows.length);
                    }
                    for (int p = 0; p < exact.length; p++) {
                        assertThat(exact[p]).isEqualTo(reference(rows[p / rows.length], rows[p % rows.length], window, d));
                        if (Double.isNaN(bound) || exact[p] <= bound) {
                            assertThat(Double.doubleToRawLongBits(out[p])).as("d=%d w=%s bound %s pair %d", d, window,
                                    bound, p).isEqualTo(Double.doubleToRawLongBits(exact[p]));
                        } else {
                            assertThat(out[p]).as("d=%d w=%s bound %s pair %d", d, window, bound, p).isGreaterThan(bound);
                            // stopped early: +inf, or (since the pruning bounds) a lower bound beyond the bound
                            abandoned += out[p] != exact[p] ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(abandoned).as("pairs abandoned early").isGreaterThan(100);
    }

    @Test
    void theSquaredThresholdIsTheLargestSquareWithinTheBound() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int t = 0; t < 10_000; t++) {
            double bound = t < 5000 ? rnd.nextDouble(0, 100) : Math.sqrt(rnd.nextInt(0, 1 << 20));
            double sq = DtwBand.squaredThreshold(bound);
            assertThat(Math.sqrt(sq)).isLessThanOrEqualTo(bound);
            assertThat(Math.sqrt(Math.nextUp(sq))).isGreaterThan(bound);
        }
        assertThat(DtwBand.squaredThreshold(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(DtwBand.squaredThreshold(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void boundedRowsDoNotAllocate() {
        DoubleRows rows = ragged(randomWalks(new SplittableRandom(4), 8, 10, 40, 1));
        Kernel<DtwKernel.Scratch> k = configured(2, 1);
        DtwKernel.Scratch s = k.newScratch(rows.maxLength());
        double[] out = new double[8];
        Runnable row = () -> k.computeRow(rows, 0, rows, 0, 8, 3.0, s, out, 0);
        for (int w = 0; w < 20_000; w++) {
            row.run();
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                .getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int r = 0; r < 1000; r++) {
            row.run();
        }
        assertThat(mx.getCurrentThreadAllocatedBytes() - before).isLessThan(1024);
    }

    /** Steps of d uniform values, lengths in steps. */
    static double[][] randomSteps(SplittableRandom rnd, int count, int minSteps, int maxSteps, int d) {
        double[][] rows = new double[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = new double[rnd.nextInt(minSteps, maxSteps + 1) * d];
            for (int k = 0; k < rows[r].length; k++) {
                rows[r][k] = rnd.nextDouble(-5, 5);
            }
        }
        return rows;
    }

    /** Random walks (realistic series: nearby rows have small distances, so bounds prune some and keep some). */
    static double[][] randomWalks(SplittableRandom rnd, int count, int minSteps, int maxSteps, int d) {
        double[][] rows = new double[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = new double[rnd.nextInt(minSteps, maxSteps + 1) * d];
            for (int k = 0; k < rows[r].length; k++) {
                rows[r][k] = (k < d ? 0 : rows[r][k - d]) + rnd.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void computeDoesNotAllocate() {
        DoubleRows rows = ragged(randomRows(new SplittableRandom(1), 8, 10, 40));
        assertComputeDoesNotAllocate(withWindow(null), rows, 100);
        assertComputeDoesNotAllocate(withWindow(3), rows, 100);
    }
}
