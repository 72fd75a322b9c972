package allpairs.plan;

/**
 * Estimated cost of tiles from per-row weights. A kernel's pair cost is approximated as
 * w_i · w_j with w_i = sqrt(cost(len_i, len_i)); for the DP kernels (cost len_a · len_b) that is
 * exact, so a tile costs (Σ_I w)(Σ_J w), and half that plus the diagonal on a mirrored diagonal tile.
 */
public final class CostModel {
    private final double[] rowPrefix;
    private final double[] rowSquarePrefix;
    private final double[] colPrefix;

    /** @param rowWeights weights of the matrix rows; @param colWeights of its columns (same array if square) */
    public CostModel(double[] rowWeights, double[] colWeights) {
        this.rowPrefix = prefix(rowWeights, false);
        this.rowSquarePrefix = prefix(rowWeights, true);
        this.colPrefix = prefix(colWeights, false);
    }

    /** Every row weighs 1: the cost of a tile is its pair count. */
    public static CostModel uniform(int m, int k) {
        double[] rows = new double[m];
        java.util.Arrays.fill(rows, 1.0);
        double[] cols = new double[k];
        java.util.Arrays.fill(cols, 1.0);
        return new CostModel(rows, cols);
    }

    private static double[] prefix(double[] w, boolean squares) {
        double[] p = new double[w.length + 1];
        for (int i = 0; i < w.length; i++) {
            p[i + 1] = p[i] + (squares ? w[i] * w[i] : w[i]);
        }
        return p;
    }

    public double rowWeight(int from, int to) {
        return rowPrefix[to] - rowPrefix[from];
    }

    public double colWeight(int from, int to) {
        return colPrefix[to] - colPrefix[from];
    }

    public double tileCost(Tile t, boolean mirror) {
        double wi = rowWeight(t.rowStart(), t.rowEnd());
        if (mirror && t.diagonal()) {
            double squares = rowSquarePrefix[t.rowEnd()] - rowSquarePrefix[t.rowStart()];
            return (wi * wi + squares) / 2; // the upper triangle with its diagonal
        }
        return wi * colWeight(t.colStart(), t.colEnd());
    }

    /**
     * Block boundaries over {@code weights}: about {@code blocks} blocks of equal total weight
     * (so tiles of skewed rows cost about the same), none longer than {@code maxRows} rows.
     * Returns ascending offsets from 0 to weights.length.
     */
    public static int[] boundaries(double[] weights, int blocks, int maxRows) {
        int m = weights.length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = total / Math.max(1, blocks);
        int[] cuts = new int[m + 1];
        int count = 0;
        cuts[count++] = 0;
        double acc = 0;
        int start = 0;
        for (int i = 0; i < m; i++) {
            acc += weights[i];
            boolean full = i + 1 - start >= maxRows;
            // cumulative targets, so rounding does not drift towards the last block
            boolean heavy = acc >= target * count - 1e-9 * total;
            if (i + 1 < m && (full || heavy)) {
                cuts[count++] = i + 1;
                start = i + 1;
            }
        }
        cuts[count++] = m;
        return java.util.Arrays.copyOf(cuts, count);
    }

    /** Evenly spaced boundaries of {@code blockSize} rows. */
    public static int[] uniformBoundaries(int m, int blockSize) {
        int blocks = Tiling.bands(m, blockSize);
        int[] cuts = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) {
            cuts[b] = (int) Math.min(m, (long) b * blockSize);
        }
        return cuts;
    }
}
