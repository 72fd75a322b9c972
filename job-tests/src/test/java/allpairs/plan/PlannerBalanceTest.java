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
            Plan plan = Plan.create(weights(len), null, m, m, true, null, null, cores);
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
            Plan plan = Plan.create(weights(rows), weights(cols), m, k, false, null, null, 4);
            assertThat(skew(plan, rows, cols, false)).as("trial %d", trial).isLessThanOrEqualTo(1.2);
            assertThat(plan.pairs()).isEqualTo((long) m * k);
        }
    }

    @Test
    void bandsNeverExceedTheDefaultBlockSize() {
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 5000;
        int[] len = skewedLengths(rnd, m);
        Plan plan = Plan.create(weights(len), null, m, m, true, null, null, 2);
        assertThat(plan.blockSize()).isLessThanOrEqualTo(BlockSizer.defaultBlockSize(m, 2, true));
        assertThat(plan.rowBounds()[0]).isZero();
        assertThat(plan.rowBounds()[plan.bands()]).isEqualTo(m);
    }

    @Test
    void aFullMatrixWithFewTilesUsesOnePartitionPerCoreWhenThatBalancesBetter() {
        // m = 1000 on 2 cores, not symmetric: 3 bands, 9 equal tiles. 4 partitions would carry
        // 3/2/2/2 tiles (skew 1.33); 2 partitions carry 5/4 (skew 1.11).
        Plan plan = Plan.create(1000, 1000, false, null, null, 2);
        assertThat(plan.tiles()).isEqualTo(9);
        assertThat(plan.partitions()).isEqualTo(2);
        assertThat(plan.costSkew()).isLessThan(1.12);
        // symmetric plans that already balance keep two partitions per core
        assertThat(Plan.create(600, 600, true, null, null, 2).partitions()).isEqualTo(4);
    }
}
