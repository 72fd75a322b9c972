package allpairs.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The preview's computed grid on matrices of known structure: the colour scale (robust, the
 * diagonal left out, log) and the clustered order (issue 28).
 */
class PreviewCellsTest {
    private static final BlockSums.Rules SELF = new BlockSums.Rules(true, false);

    /** An m × m matrix of two clusters: label[i] says which; within {@code near}, across {@code far}, diagonal {@code self}. */
    private static BlockSums clusters(int[] label, int maxCells, double near, double far, double self) {
        int m = label.length;
        Random random = new Random(3);
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double noise = random.nextInt(8) / 8.0;
                a[i * m + j] = i == j ? self : (label[i] == label[j] ? near : far) + noise;
            }
        }
        BlockSums sums = new BlockSums(new BlockGrid(m, m, maxCells), SELF);
        sums.addValues(0, m, 0, m, a);
        return sums;
    }

    /** Labels of two equal clusters, shuffled in runs of {@code run} rows (run = the cell size: whole blocks). */
    private static int[] shuffled(int m, int run, long seed) {
        List<Integer> runs = new ArrayList<>();
        for (int r = 0; r < m / run; r++) {
            runs.add(r < m / run / 2 ? 0 : 1);
        }
        Collections.shuffle(runs, new Random(seed));
        int[] label = new int[m];
        for (int i = 0; i < m; i++) {
            label[i] = runs.get(i / run);
        }
        return label;
    }

    /** How often the cluster changes along the picture's rows: 1 when both come out contiguous. */
    private static int changes(int[] order, int[] label, int cellSize) {
        int changes = 0;
        for (int p = 1; p < order.length; p++) {
            changes += label[order[p] * cellSize] != label[order[p - 1] * cellSize] ? 1 : 0;
        }
        return changes;
    }

    @Test
    void aHugeDiagonalDoesNotSetTheColourScale() {
        int[] label = shuffled(120, 1, 1);
        PreviewCells cells = PreviewCells.of(clusters(label, 1000, 80, 10, 18000), false, false, 0);
        // Before: the scale ran to 18,000 and 10 vs 80 were both black.
        assertThat(cells.scale().high()).isLessThan(81);
        assertThat(cells.scale().low()).isGreaterThanOrEqualTo(10);
        assertThat(cells.cells()[0 * 120 + 0]).as("the diagonal: no value").isNaN();
    }

    @Test
    void aFewOutlyingBlocksDoNotSetTheColourScale() {
        double[] grid = new double[10_000];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = i % 100;
        }
        grid[17] = 1e9;
        grid[18] = -1e9;
        ColourScale scale = ColourScale.of(grid, false, false);
        assertThat(scale.low()).isBetween(0.0, 2.0);
        assertThat(scale.high()).isBetween(97.0, 99.0);
    }

    @Test
    void sparseEdgeBlocksAreNotDrawnBlackBesideOneDenseBlock() {
        double[] density = new double[100 * 100];
        for (int i = 0; i < 300; i++) {
            density[i * 31] = 0.02;
        }
        density[5] = 1.0; // a clique of near-duplicates
        ColourScale scale = ColourScale.of(density, false, true);
        assertThat(scale.low()).isZero();
        assertThat(scale.high()).as("the non-empty blocks' 99th percentile, not the densest").isEqualTo(0.02);
        ColourScale log = ColourScale.of(density, true, true);
        assertThat(log.high()).isEqualTo(Math.log10(0.02));
        assertThat(log.low()).as("below the sparsest block: empty is black, sparse is not").isLessThan(Math.log10(0.02));
    }

    @Test
    void theLogScaleDrawsLog10AndZeroAtTheBottom() {
        ColourScale scale = ColourScale.of(new double[] {1, 10, 100, 1000, 0, Double.NaN}, true, false);
        double[] shown = scale.apply(new double[] {1, 10, 100, 1000, 0, Double.NaN});
        assertThat(shown).containsExactly(0, 1, 2, 3, Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(scale.low()).isBetween(0.0, 0.1);
        assertThat(scale.high()).isBetween(2.9, 3.0);
    }

    @Test
    void clusteringBringsTwoShuffledClustersBackTogetherRowByRow() {
        int[] label = shuffled(200, 1, 7);
        assertThat(changes(identity(200), label, 1)).as("shuffled to begin with").isGreaterThan(50);
        PreviewCells distances = PreviewCells.of(clusters(label, 1000, 1, 9, 0), false, false, 1);
        assertThat(distances.order()).hasSize(200).doesNotHaveDuplicates();
        assertThat(changes(distances.order(), label, 1)).isEqualTo(1);
        assertPictureIsBlockDiagonal(distances, 200);
        // A score kernel: larger is closer, and a huge self-score.
        PreviewCells scores = PreviewCells.of(clusters(label, 1000, 90, 5, 18000), false, false, -1);
        assertThat(changes(scores.order(), label, 1)).isEqualTo(1);
    }

    @Test
    void clusteringOrdersWholeBlocksWhenCellsHoldManyRows() {
        int[] label = shuffled(400, 4, 11); // runs of 4 rows = the cells of a 100-cell grid
        PreviewCells cells = PreviewCells.of(clusters(label, 100, 2, 7, 0), false, false, 1);
        assertThat(cells.order()).hasSize(100).doesNotHaveDuplicates();
        assertThat(changes(cells.order(), label, 4)).isEqualTo(1);
        assertPictureIsBlockDiagonal(cells, 100);
    }

    @Test
    void clusteringEdgeDensityPutsDenseBlocksTogether() {
        int m = 90;
        int[] label = shuffled(m, 1, 5);
        EdgePiece edges = new EdgePiece();
        Random random = new Random(9);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i != j && label[i] == label[j] && random.nextInt(5) < 2) { // 40% of the pairs within a cluster
                    edges.add(i, j, 1);
                }
            }
        }
        BlockSums sums = new BlockSums(new BlockGrid(m, m, 1000), SELF);
        sums.addEdges(edges);
        PreviewCells cells = PreviewCells.of(sums, true, false, -1);
        assertThat(changes(cells.order(), label, 1)).isEqualTo(1);
    }

    @Test
    void withoutStructureTheInputOrderStays() {
        int[] label = new int[50];
        PreviewCells cells = PreviewCells.of(clusters(label, 1000, 4, 4, 0), false, false, 1);
        // All pairs at 4 plus noise: some order, but a permutation; equal distances keep the input order.
        assertThat(cells.order()).hasSize(50).doesNotHaveDuplicates();
        double[][] flat = new double[6][6];
        assertThat(Seriation.averageLinkageOrder(flat, new double[] {1, 1, 1, 1, 1, 1}))
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    /** In picture order, every cell of the two diagonal squares (one cluster each) is below every cell off them. */
    private static void assertPictureIsBlockDiagonal(PreviewCells cells, int n) {
        double inside = Double.NEGATIVE_INFINITY;
        double across = Double.POSITIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                double v = cells.cells()[p * n + q];
                if (Double.isNaN(v)) {
                    continue;
                }
                if ((p < n / 2) == (q < n / 2)) {
                    inside = Math.max(inside, v);
                } else {
                    across = Math.min(across, v);
                }
            }
        }
        assertThat(inside).isLessThan(across);
    }

    private static int[] identity(int n) {
        return Seriation.identity(n);
    }
}
