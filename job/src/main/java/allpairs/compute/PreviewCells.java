package allpairs.compute;

/**
 * The preview's block grid as drawn, computed on the driver from the tasks' {@link BlockSums}: the
 * cells (block means, or edge densities for an edge list), their {@link ColourScale}, and the
 * order of the blocks (input order, or the {@link Seriation} of the blocks). Only the grid is
 * touched here, never the matrix.
 *
 * @param cells row-major, in picture order, as drawn (log10 under a log scale; clamped to the scale)
 * @param order picture block p shows the matrix's block {@code order[p]}, rows and (when reordered) columns
 */
public record PreviewCells(double[] cells, ColourScale scale, int[] order, boolean reordered) {
    /**
     * @param edges the cells are edge densities (an edge list), else block means
     * @param closer how to seriate: -1 when a larger cell means closer rows (scores; densities of close
     *               pairs), +1 when smaller does (distances), 0 to keep the input order
     */
    public static PreviewCells of(BlockSums sums, boolean edges, boolean log, int closer) {
        BlockGrid grid = sums.grid();
        double[] raw = edges ? sums.density() : sums.means();
        ColourScale scale = ColourScale.of(raw, log, edges);
        int[] order = closer == 0 ? Seriation.identity(grid.rows())
                : Seriation.averageLinkageOrder(distances(sums, edges, closer), blockRows(grid));
        double[] shown = scale.apply(closer == 0 ? raw : permuted(raw, grid.cols(), order));
        double bottom = Math.min(scale.low(), scale.high());
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] == Double.NEGATIVE_INFINITY) { // log of 0: drawn black, kept finite for the renderer
                shown[i] = bottom;
            }
        }
        return new PreviewCells(shown, scale, order, closer != 0);
    }

    /**
     * Block-to-block distances of a square grid: the mean of the pairs' values in both cells (I, J)
     * and (J, I), signed so that smaller is closer.
     */
    static double[][] distances(BlockSums sums, boolean edges, int closer) {
        BlockGrid grid = sums.grid();
        int n = grid.rows();
        if (grid.cols() != n) {
            throw new IllegalArgumentException("seriation needs a square grid, not " + n + " x " + grid.cols());
        }
        double[] value = edges ? sums.density() : sums.means();
        double[] weight = edges ? new double[n * n] : sums.counts();
        if (edges) {
            for (int c = 0; c < weight.length; c++) {
                weight[c] = sums.entries(c / n, c % n);
            }
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double wij = weight[i * n + j];
                double wji = weight[j * n + i];
                double sum = (wij > 0 ? value[i * n + j] * wij : 0) + (wji > 0 ? value[j * n + i] * wji : 0);
                d[i][j] = closer * sum / (wij + wji); // 0 / 0 (no pair at all): NaN, taken as farthest
            }
        }
        return d;
    }

    private static double[] blockRows(BlockGrid grid) {
        double[] rows = new double[grid.rows()];
        for (int b = 0; b < rows.length; b++) {
            rows[b] = Math.min(grid.m(), (long) (b + 1) * grid.cellSize()) - (long) b * grid.cellSize();
        }
        return rows;
    }

    private static double[] permuted(double[] cells, int cols, int[] order) {
        double[] out = new double[cells.length];
        for (int p = 0; p < order.length; p++) {
            for (int q = 0; q < order.length; q++) {
                out[p * cols + q] = cells[order[p] * cols + order[q]];
            }
        }
        return out;
    }
}
