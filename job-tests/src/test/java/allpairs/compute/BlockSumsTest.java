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
        return fromTiles(a, m, k, grid, tileRows, tileCols, BlockSums.Rules.ALL);
    }

    private static BlockSums fromTiles(double[] a, int m, int k, BlockGrid grid, int tileRows, int tileCols,
                                       BlockSums.Rules rules) {
        BlockSums total = new BlockSums(grid, rules);
        for (int r0 = 0; r0 < m; r0 += tileRows) {
            for (int c0 = 0; c0 < k; c0 += tileCols) {
                int h = Math.min(tileRows, m - r0);
                int w = Math.min(tileCols, k - c0);
                double[] tile = new double[h * w];
                for (int r = 0; r < h; r++) {
                    System.arraycopy(a, (r0 + r) * k + c0, tile, r * w, w);
                }
                BlockSums part = new BlockSums(grid, rules);
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
    void theDiagonalIsLeftOutOfTheCellsButCountedInTheHistogram() {
        int m = 37;
        double[] a = matrix(m, m, 13);
        for (int i = 0; i < m; i++) {
            a[i * m + i] = 18000; // sw's self-scores
        }
        BlockGrid grid = new BlockGrid(m, m, 5); // cells of 8 x 8; tiles of 7 x 5 cut the diagonal anywhere
        BlockSums sums = fromTiles(a, m, m, grid, 7, 5, new BlockSums.Rules(true, false));
        double[] means = sums.means();
        for (int cr = 0; cr < grid.rows(); cr++) {
            for (int cc = 0; cc < grid.cols(); cc++) {
                double sum = 0;
                int n = 0;
                for (int i = cr * 8; i < Math.min(m, cr * 8 + 8); i++) {
                    for (int j = cc * 8; j < Math.min(m, cc * 8 + 8); j++) {
                        if (i != j) {
                            sum += a[i * m + j];
                            n++;
                        }
                    }
                }
                assertThat(means[cr * grid.cols() + cc]).as("cell %d,%d", cr, cc).isEqualTo(sum / n);
                assertThat(sums.entries(cr, cc)).isEqualTo(n);
            }
        }
        assertThat(sums.histogram().count()).isEqualTo((long) m * m);
        assertThat(sums.histogram().max()).isEqualTo(18000);
    }

    @Test
    void theCondensedLayoutsHistogramCountsTheUpperTriangleWithoutTheDiagonal() {
        int m = 41;
        double[] a = matrix(m, m, 17);
        for (int i = 0; i < m; i++) {
            a[i * m + i] = 5000;
        }
        BlockSums sums = fromTiles(a, m, m, new BlockGrid(m, m, 10), 6, 9, new BlockSums.Rules(true, true));
        ValueHistogram.Display bars = sums.histogram().display(40);
        long[] expected = new long[bars.counts().length];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                expected[(int) Math.floor((a[i * m + j] - bars.low()) / bars.width())]++;
            }
        }
        assertThat(sums.histogram().count()).isEqualTo((long) m * (m - 1) / 2);
        assertThat(bars.counts()).containsExactly(expected);
    }

    @Test
    void edgeDensityEqualsABruteForceCountPerBlock() {
        int m = 50;
        BlockGrid grid = new BlockGrid(m, m, 8); // cells of 7 x 7, the last 1 wide
        Random random = new Random(23);
        int[][] count = new int[grid.rows()][grid.cols()];
        BlockSums total = new BlockSums(grid, new BlockSums.Rules(true, false));
        long edges = 0;
        for (int band = 0; band < 5; band++) { // one share per band, as the tasks send them
            EdgePiece piece = new EdgePiece();
            for (int e = 0; e < 200; e++) {
                int i = band * 10 + random.nextInt(10);
                int j = random.nextInt(4) == 0 ? i : random.nextInt(m); // self edges too (--include-self)
                piece.add(i, j, random.nextInt(100));
                edges++;
                if (i != j) {
                    count[i / 7][j / 7]++;
                }
            }
            BlockSums share = new BlockSums(grid, new BlockSums.Rules(true, false));
            share.addEdges(piece);
            total.merge(share);
        }
        double[] density = total.density();
        for (int cr = 0; cr < grid.rows(); cr++) {
            for (int cc = 0; cc < grid.cols(); cc++) {
                long entries = 0;
                for (int i = cr * 7; i < Math.min(m, cr * 7 + 7); i++) {
                    for (int j = cc * 7; j < Math.min(m, cc * 7 + 7); j++) {
                        entries += i != j ? 1 : 0;
                    }
                }
                assertThat(density[cr * grid.cols() + cc]).as("cell %d,%d", cr, cc)
                        .isEqualTo(entries == 0 ? 0 : (double) count[cr][cc] / entries);
            }
        }
        assertThat(total.histogram().count()).as("every edge written, self edges too").isEqualTo(edges);
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
