package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.SeedReference;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The seed kernel's tile-row path with one pair per SIMD lane ({@link SeedPairLanes}, rows of up to
 * {@link SeedLanes#PAIR_LANES_MAX_N}) against the literal definition, bit for bit: every group
 * alignment of the column range (so lanes and the one-pair-at-a-time rest both run), the sizes
 * where order and the n² mod 4 tail show, int8 extremes; and no allocation per pair once warm.
 */
class SeedPairLanesTest {
    private static byte[] flatRows(int m, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] data = new byte[m * n];
        random.nextBytes(data);
        data[0] = Byte.MIN_VALUE;
        data[data.length - 1] = Byte.MAX_VALUE;
        return data;
    }

    @Test
    void everyColumnGroupMatchesTheLiteralDefinitionBitForBit() {
        assertThat(SeedLanes.pairLanes(SeedLanes.PAIR_LANES_MAX_N)).as("the tests run with jdk.incubator.vector")
                .isGreaterThan(1);
        SeedKernel kernel = new SeedKernel();
        int m = 2 * SeedLanes.pairLanes(1) + 3;
        for (int n : new int[] {1, 2, 3, 8, 9, 31, 63, 64}) {
            byte[] data = flatRows(m, n, 7000 + n);
            ByteRows rows = ByteRows.rectangular(m, n, data);
            SeedKernel.Scratch scratch = kernel.newScratch(n);
            double[] out = new double[m];
            for (int i = 0; i < m; i++) {
                int from = i % (SeedLanes.pairLanes(n) + 1);
                kernel.computeRow(rows, i, rows, from, m, Double.NaN, scratch, out, 0);
                for (int j = from; j < m; j++) {
                    byte[] x = java.util.Arrays.copyOfRange(data, i * n, i * n + n);
                    byte[] y = java.util.Arrays.copyOfRange(data, j * n, j * n + n);
                    assertThat(Double.doubleToRawLongBits(out[j - from])).as("n = %d, pair (%d, %d)", n, i, j)
                            .isEqualTo(Double.doubleToRawLongBits(SeedReference.pair(x, y)));
                }
            }
        }
    }

    @Test
    void aTileRowAllocatesNothingPerPairOnceWarm() {
        SeedKernel kernel = new SeedKernel();
        int n = 64;
        int m = 4 * SeedLanes.pairLanes(n);
        ByteRows rows = ByteRows.rectangular(m, n, flatRows(m, n, 3));
        SeedKernel.Scratch scratch = kernel.newScratch(n);
        double[] out = new double[m];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long pairs = (long) m * m;
        long allocated = Long.MAX_VALUE;
        // the Vector API allocates until C2 compiles the lane loop: allow warm-up passes
        for (int pass = 0; pass < 40 && allocated >= pairs; pass++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < m; i++) {
                kernel.computeRow(rows, i, rows, 0, m, Double.NaN, scratch, out, 0);
            }
            allocated = mx.getThreadAllocatedBytes(tid) - before;
        }
        assertThat(allocated).as("bytes over %d pairs", pairs).isLessThan(pairs);
    }
}
