package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * DTW's SIMD lanes ({@link DtwLanes}) against today's scalar path ({@link Kernel#compute}, one pair on
 * {@link DtwBand}), bit for bit, and against the full-matrix reference of {@link DtwKernelTest}: lengths
 * around multiples of the group width, runs of equal lengths (groups on the lanes) mixed with ragged
 * groups (scalar), every group alignment, windows none/0/3/10, one and three channels, ties and
 * overflowing costs; with a bound, every pair within it exact and every other beyond it.
 */
class DtwLanesTest {
    private static final int W = Math.max(1, DtwLanes.WIDTH);

    /** Runs of W + 3 equally long rows for lengths around multiples of W, then ragged rows. */
    private static double[][] rows(int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> rows = new ArrayList<>();
        int[] lengths = {1, 2, 3, W - 1, W, W + 1, 2 * W - 1, 2 * W + 1, 4 * W, 37};
        for (int len : lengths) {
            for (int r = 0; r < W + 3; r++) {
                rows.add(series(rnd, Math.max(1, len) * d, r % 5 == 4));
            }
        }
        for (int r = 0; r < 2 * W + 5; r++) {
            rows.add(series(rnd, (1 + rnd.nextInt(3 * W)) * d, false));
        }
        return rows.toArray(new double[0][]);
    }

    /** A random walk, or (coarse) small integers so that many cells tie; now and then a huge value. */
    private static double[] series(SplittableRandom rnd, int len, boolean coarse) {
        double[] s = new double[len];
        double v = 0;
        for (int k = 0; k < len; k++) {
            v += coarse ? rnd.nextInt(-1, 2) : rnd.nextDouble(-1, 1);
            s[k] = rnd.nextInt(200) == 0 ? 1e200 : v;
        }
        return s;
    }

    @ParameterizedTest(name = "window {0}, channels {1}")
    @CsvSource({"-1, 1", "0, 1", "3, 1", "10, 1", "-1, 3", "0, 3", "3, 3", "10, 3"})
    void everyGroupAlignmentIsBitIdenticalToTheScalarPath(int window, int channels) {
        assertThat(DtwLanes.AVAILABLE).as("the tests run with jdk.incubator.vector").isTrue();
        Kernel<DtwKernel.Scratch> k = DtwKernelTest.configured(window < 0 ? null : window, channels);
        double[][] rows = rows(channels, 29 + window * 7L + channels);
        DoubleRows data = ragged(rows);
        DtwKernel.Scratch s = k.newScratch(data.maxLength());
        int m = rows.length;
        double[] out = new double[m];
        for (int i = 0; i < m; i += 3) {
            int from = i % (W + 1);
            k.computeRow(data, i, data, from, m, Double.POSITIVE_INFINITY, s, out, 0);
            for (int j = from; j < m; j++) {
                double scalar = k.compute(data, i, data, j, s);
                assertThat(Double.doubleToRawLongBits(out[j - from])).as("pair (%d, %d)", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(scalar));
                if (j % 7 == 0) {
                    assertThat(out[j - from]).as("pair (%d, %d) against the reference", i, j)
                            .isEqualTo(DtwKernelTest.reference(rows[i], rows[j], window < 0 ? null : window, channels));
                }
            }
        }
    }

    @ParameterizedTest(name = "window {0}")
    @CsvSource({"-1", "0", "3", "10"})
    void withABoundEveryPairWithinItIsExactAndEveryOtherBeyondIt(int window) {
        Kernel<DtwKernel.Scratch> k = DtwKernelTest.configured(window < 0 ? null : window, 1);
        double[][] rows = rows(1, 3 + window);
        DoubleRows data = ragged(rows);
        DtwKernel.Scratch s = k.newScratch(data.maxLength());
        int m = rows.length;
        double[] exact = new double[m];
        double[] out = new double[m];
        for (int i = 0; i < m; i += 5) {
            k.computeRow(data, i, data, 0, m, Double.POSITIVE_INFINITY, s, exact, 0);
            double[] sorted = exact.clone();
            java.util.Arrays.sort(sorted);
            // quantiles: the bound is itself a distance, so some pairs tie with it exactly
            for (double bound : new double[] {sorted[m / 10], sorted[m / 2], 0.0, -1.0}) {
                k.computeRow(data, i, data, 0, m, bound, s, out, 0);
                for (int j = 0; j < m; j++) {
                    if (exact[j] <= bound) {
                        assertThat(Double.doubleToRawLongBits(out[j])).as("pair (%d, %d), bound %s", i, j, bound)
                                .isEqualTo(Double.doubleToRawLongBits(exact[j]));
                    } else {
                        assertThat(out[j]).as("pair (%d, %d) = %s, bound %s", i, j, exact[j], bound)
                                .isGreaterThan(bound);
                    }
                }
            }
        }
    }

    @Test
    void equalLengthGroupsTakeTheLanesAndRaggedOnesDoNot() {
        DoubleRows data = ragged(rows(1, 11));
        DtwLanes lanes = DtwLanes.forRows(data.maxLength());
        double[] out = new double[W];
        assertThat(lanes.group(data, 0, data, 0, 1, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, out, 0)).isTrue();
        int ragged = data.rows() - W;
        assertThat(lanes.group(data, 0, data, ragged, 1, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, out, 0))
                .isFalse();
        assertThat(DtwLanes.forRows(DtwLanes.MAX_VALUES + 1)).isNull();
    }

    /** Full matrix (a long inner loop: C2 may box a vector live across its safepoint) and a band. */
    @ParameterizedTest(name = "window {0}")
    @CsvSource({"-1", "3"})
    void aWarmTileRowAllocatesNothing(int window) {
        Kernel<DtwKernel.Scratch> k = DtwKernelTest.configured(window < 0 ? null : window, 1);
        double[][] rows = new double[2 * W][];
        SplittableRandom rnd = new SplittableRandom(8);
        for (int r = 0; r < rows.length; r++) {
            rows[r] = series(rnd, 128, false);
        }
        DoubleRows data = ragged(rows);
        DtwKernel.Scratch s = k.newScratch(data.maxLength());
        double[] out = new double[rows.length];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        // Until C2 has compiled the loops (the interpreter boxes every vector): at most 60 s on a loaded machine.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int pass = 0;
        while (allocated >= 4096 && System.nanoTime() < deadline) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int rep = 0; rep < 200; rep++) {
                k.computeRow(data, rep % rows.length, data, 0, rows.length, Double.POSITIVE_INFINITY, s, out, 0);
                k.computeRow(data, rep % rows.length, data, 0, rows.length, 5.0, s, out, 0);
            }
            allocated = mx.getThreadAllocatedBytes(tid) - before;
            pass++;
        }
        assertThat(allocated).as("bytes over %d pairs in pass %d", 400L * rows.length, pass).isLessThan(4096);
    }

    @Test
    void aJvmWithoutTheVectorModuleGetsTheSameDistancesAndNeverLoadsTheLaneLoops() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                DtwFallbackProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        double[][] rows = DtwFallbackProbe.rows();
        DoubleRows data = ragged(rows);
        Kernel<DtwKernel.Scratch> k = DtwKernelTest.configured(4, 1);
        DtwKernel.Scratch s = k.newScratch(data.maxLength());
        StringBuilder expected = new StringBuilder("lanes=false distances=");
        for (int j = 0; j < rows.length; j++) {
            expected.append(Double.doubleToRawLongBits(k.compute(data, 0, data, j, s))).append(',');
        }
        assertThat(out).contains(expected + System.lineSeparator())
                .contains("allpairs.kernel.DtwLanes")
                .doesNotContain("DtwLaneLoops")
                .doesNotContain("jdk.incubator.vector");
    }
}
