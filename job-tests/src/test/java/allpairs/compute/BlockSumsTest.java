package allpairs.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The preview's block means and histogram against brute force over the dense matrix. */
class BlockSumsTest {
    private static double[] matrix(int m, int k, long seed) {
        Random random = new Random(seed);
        double[] a = new double[m * k];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.round(random.nextGaussian() * 1000) / 8.0 - 30; // exact in binary: sums order-free
        }
        return a;
    }

    /** Cuts the matrix into rectangles of uneven sizes, each summed by its own BlockSums, then merged. */
    private static BlockSums fromTiles(double[] a, int m, int k, BlockGrid grid, int tileRows, int tileCols) {
        BlockSums total = new BlockSums(grid);
        for (int r0 = 0; r0 < m; r0 += tileRows) {
            for (int c0 = 0; c0 < k; c0 += tileCols) {
                int h = Math.min(tileRows, m - r0);
                int w = Math.min(tileCols, k - c0);
                double[] tile = new double[h * w];
                for (int r = 0; r < h; r++) {
                    System.arraycopy(a, (r0 + r) * k + c0, tile, r * w, w);
                }
                BlockSums part = new BlockSums(grid);
                part.addValues(r0, h, c0, w, tile);
                total.merge(part);
            }
        }
        return total;
    }

    @Test
    void blockMeansEqualABruteForceDownsamplingOfTheDenseMatrix() {
        int m = 37;
        int k = 23;
        double[] a = matrix(m, k, 7);
        BlockGrid grid = new BlockGrid(m, k, 5); // cells of 8 x 8, the last row and column partial
        assertThat(grid.cellSize()).isEqualTo(8);
        double[] means = fromTiles(a, m, k, grid, 7, 5).means();
        assertThat(means).hasSize(grid.rows() * grid.cols());
        for (int cr = 0; cr < grid.rows(); cr++) {
            for (int cc = 0; cc < grid.cols(); cc++) {
                double sum = 0;
                int n = 0;
                for (int i = cr * 8; i < Math.min(m, cr * 8 + 8); i++) {
                    for (int j = cc * 8; j < Math.min(k, cc * 8 + 8); j++) {
                        sum += a[i * k + j];
                        n++;
                    }
                }
                assertThat(means[cr * grid.cols() + cc]).as("cell %d,%d", cr, cc).isEqualTo(sum / n);
                assertThat(grid.entries(cr, cc)).isEqualTo(n);
            }
        }
    }

    @Test
    void aMatrixNoLargerThanTheGridKeepsOneValuePerCell() {
        double[] a = matrix(9, 6, 3);
        double[] means = fromTiles(a, 9, 6, new BlockGrid(9, 6, 1000), 4, 4).means();
        assertThat(means).containsExactly(a);
    }

    @Test
    void edgeDensityIsEdgesOverTheEntriesOfEachCell() {
        BlockGrid grid = new BlockGrid(10, 10, 2); // 5 x 5 cells
        EdgePiece edges = new EdgePiece();
        edges.add(0, 0, 1.0);
        edges.add(4, 4, 2.0);
        edges.add(9, 0, 3.0);
        BlockSums sums = new BlockSums(grid);
        sums.addEdges(edges);
        assertThat(sums.density()).containsExactly(2 / 25.0, 0, 1 / 25.0, 0);
        assertThat(sums.histogram().count()).isEqualTo(3);
    }

    @Test
    void theHistogramCountsExactlyTheValuesInEachBarWhateverTheMergeOrder() {
        int m = 41;
        int k = 29;
        double[] a = matrix(m, k, 11);
        a[5] = 1e6; // a far outlier forces coarsening after finer bins were filled
        BlockSums sums = fromTiles(a, m, k, new BlockGrid(m, k, 10), 6, 9);
        ValueHistogram.Display bars = sums.histogram().display(40);
        assertThat(bars.counts().length).isBetween(1, 40);
        long[] expected = new long[bars.counts().length];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : a) {
            expected[(int) Math.floor((v - bars.low()) / bars.width())]++;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(bars.counts()).containsExactly(expected);
        assertThat(sums.histogram().min()).isEqualTo(min);
        assertThat(sums.histogram().max()).isEqualTo(max);
        assertThat(sums.histogram().count()).isEqualTo(a.length);
    }

    @Test
    void valuesCloseTogetherFarFromZeroStillSpreadOverManyBars() {
        ValueHistogram h = new ValueHistogram();
        for (int i = 0; i < 1000; i++) {
            h.add(1000 + i / 100.0); // [1000, 1010): a relative sketch would put these in one bar
        }
        ValueHistogram.Display bars = h.display(40);
        assertThat(bars.counts().length).isGreaterThanOrEqualTo(20);
        assertThat(bars.width()).isLessThanOrEqualTo(0.5);
    }
}
