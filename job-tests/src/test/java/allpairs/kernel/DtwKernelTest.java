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
     * condition (null = no window).
     */
    static double reference(double[] x, double[] y, Integer window) {
        int n = x.length;
        int m = y.length;
        double[][] d = new double[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                boolean inBand = window == null || Math.abs(i - j) <= Math.max(window, Math.abs(n - m));
                if (i == 0 && j == 0) {
                    d[i][j] = 0;
                } else if (i == 0 || j == 0 || !inBand) {
                    d[i][j] = Double.POSITIVE_INFINITY;
                } else {
                    double cost = (x[i - 1] - y[j - 1]) * (x[i - 1] - y[j - 1]);
                    d[i][j] = cost + Math.min(d[i - 1][j - 1], Math.min(d[i - 1][j], d[i][j - 1]));
                }
            }
        }
        return Math.sqrt(d[n][m]);
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
        // Unequal lengths widen window 0 to |3 - 4| = 1, which the warping path needs.
        assertThat(pair(withWindow(0), new double[] {0, 1, 2}, new double[] {0, 1, 1, 2})).isEqualTo(0.0);
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
    void computeDoesNotAllocate() {
        DoubleRows rows = ragged(randomRows(new SplittableRandom(1), 8, 10, 40));
        assertComputeDoesNotAllocate(withWindow(null), rows, 100);
        assertComputeDoesNotAllocate(withWindow(3), rows, 100);
    }
}
