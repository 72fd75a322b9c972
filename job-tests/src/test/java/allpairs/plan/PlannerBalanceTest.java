package allpairs.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Packing by cost on skewed ragged rows: the heaviest partition's cost, counted pair by pair
 * (len_a × len_b, the DP kernels' table size), is within 1.2× of the mean.
 */
class PlannerBalanceTest {
    /** Skewed lengths from 10 to a few thousand (log-uniform, plus a few very long rows). */
    static int[] skewedLengths(SplittableRandom rnd, int m) {
        int[] len = new int[m];
        for (int i = 0; i < m; i++) {
            len[i] = (int) Math.round(10 * Math.exp(rnd.nextDouble() * Math.log(300)));
        }
        for (int t = 0; t < 3; t++) {
            len[rnd.nextInt(m)] = 3000 + rnd.nextInt(2000);
        }
        return len;
    }

    static double[] weights(int[] len) {
        double[] w = new double[len.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = len[i]; // sqrt(len × len)
        }
        return w;
    }

    /** Exact cost of a partition: every pair it computes, counted one by one. */
    static double exactCost(TileGroup g, int[] rowLen, int[] colLen, boolean mirror) {
        double cost = 0;
        for (Tile t : g.tiles()) {
            for (int i = t.rowStart(); i < t.rowEnd(); i++) {
                for (int j = mirror && t.diagonal() ? i : t.colStart(); j < t.colEnd(); j++) {
                    cost += (double) rowLen[i] * colLen[j];
                }
            }
        }
        return cost;
    }

    static double skew(Plan plan, int[] rowLen, int[] colLen, boolean mirror) {
        double max = 0;
        double sum = 0;
        for (TileGroup g : plan.groups()) {
            double c = exactCost(g, rowLen, colLen, mirror);
            max = Math.max(max, c);
            sum += c;
        }
        return max / (sum / plan.partitions());
    }

    @Test
    void heaviestPartitionIsWithinOnePointTwoOfTheMeanOnSkewedSymmetricInput() {
        SplittableRandom rnd = new SplittableRandom(2026);
        double worst = 0;
        for (int trial = 0; trial < 150; trial++) {
            int m = 60 + rnd.nextInt(600);
            int cores = 1 << rnd.nextInt(4); // 1..8
            int[] len = skewedLengths(rnd, m);
            Plan plan = Plans.create(weights(len), null, m, m, true, null, null, cores);
            double skew = skew(plan, len, len, true);
            worst = Math.max(worst, skew);
            assertThat(skew).as("trial %d: m=%d cores=%d partitions=%d tiles=%d", trial, m, cores,
                    plan.partitions(), plan.tiles()).isLessThanOrEqualTo(1.2);
            assertThat(plan.pairs()).isEqualTo((long) m * (m + 1) / 2);
        }
        assertThat(worst).isGreaterThan(1.0);
    }

    @Test
    void rectangularSkewedInputIsBalancedToo() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            int m = 40 + rnd.nextInt(300);
            int k = 40 + rnd.nextInt(300);
            int[] rows = skewedLengths(rnd, m);
            int[] cols = skewedLengths(rnd, k);
            Plan plan = Plans.create(weights(rows), weights(cols), m, k, false, null, null, 4);
            assertThat(skew(plan, rows, cols, false)).as("trial %d", trial).isLessThanOrEqualTo(1.2);
            assertThat(plan.pairs()).isEqualTo((long) m * k);
        }
    }

    @Test
    void bandsNeverExceedTheDefaultBlockSize() {
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 5000;
        int[] len = skewedLengths(rnd, m);
        Plan plan = Plans.create(weights(len), null, m, m, true, null, null, 2);
        assertThat(plan.blockSize()).isLessThanOrEqualTo(Plans.defaultBlockSize(m, 2, true));
        assertThat(plan.rowBounds()[0]).isZero();
        assertThat(plan.rowBounds()[plan.bands()]).isEqualTo(m);
    }

    @Test
    void aFullMatrixWithFewTilesUsesOnePartitionPerCoreWhenThatBalancesBetter() {
        // m = 1000 on 2 cores, not symmetric: 3 bands, 9 equal tiles. 4 partitions would carry
        // 3/2/2/2 tiles (skew 1.33); 2 partitions carry 5/4 (skew 1.11).
        Plan plan = Plans.create(1000, 1000, false, null, null, 2);
        assertThat(plan.tiles()).isEqualTo(9);
        assertThat(plan.partitions()).isEqualTo(2);
        assertThat(plan.costSkew()).isLessThan(1.12);
        // symmetric plans that already balance keep two partitions per core
        assertThat(Plans.create(600, 600, true, null, null, 2).partitions()).isEqualTo(4);
    }

    /** A kernel's tile width is a floor on the default block, under the memory bound, on both planner paths. */
    @Test
    void aKernelsTileWidthIsAFloorOnTheDefaultBlock() {
        for (int m : new int[] {50, 127, 128, 129, 500, 1000, 4000}) {
            for (int cores : new int[] {1, 2, 8}) {
                int free = Plans.defaultBlockSize(m, m, cores, true);
                for (int floor : new int[] {1, 16, 128, 256}) {
                    int block = Plans.defaultBlockSize(m, m, cores, true,
                            new BlockSizer.Limits(Long.MAX_VALUE, 0, floor));
                    assertThat(block).as("m=%d cores=%d floor=%d", m, cores, floor)
                            .isGreaterThanOrEqualTo(Math.min(floor, m)).isGreaterThanOrEqualTo(free);
                    // the most bands that keep to the floor: one more band would go under it (or under free's)
                    int bands = Tiling.bands(m, block);
                    int next = (m + bands) / (bands + 1);
                    assertThat(next < Math.min(floor, m) || next < free).as("m=%d floor=%d block=%d", m, floor, block)
                            .isTrue();
                    long budget = BlockSizer.taskBytes(40, m, 0);
                    int capped = Plans.defaultBlockSize(m, m, cores, true, new BlockSizer.Limits(budget, 0, floor));
                    assertThat(BlockSizer.taskBytes(capped, m, 0)).isLessThanOrEqualTo(Math.max(budget,
                            BlockSizer.taskBytes(1, m, 0)));
                }
            }
        }
        int[] len = new int[500];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < len.length; i++) {
            len[i] = 8 + r.nextInt(1000);
        }
        Plan skewed = Plans.create(weights(len), null, 500, 500, true, null, null, 2,
                new BlockSizer.Limits(Long.MAX_VALUE, 0, 128));
        Plan plain = Plans.create(weights(len), null, 500, 500, true, null, null, 2);
        assertThat(skewed.bands()).isLessThan(plain.bands()).isLessThanOrEqualTo((500 + 127) / 128);
    }
}
