package allpairs.plan;

import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;

/** The plan of a job from its kernel and rows: what the run and {@code --explain} both call. */
public final class Planner {
    private Planner() {
    }

    /**
     * The plan before any checkpoint resume: the query × query matrix (mirrored for a symmetric
     * kernel) or, with {@code reference}, the query × reference matrix.
     *
     * @param blockSize rows per block, or null for the default; @param partitions likewise
     * @param budget bytes one task may use (sizes the default blocks)
     */
    public static Plan plan(Kernel<?> kernel, Rows query, Rows reference, Integer blockSize, Integer partitions,
                            int cores, long budget) {
        return plan(kernel, query, reference, blockSize, partitions, cores, budget, false);
    }

    /** As above; {@code sparse}: the output is edges or top-k, whose default tiles are sized by work ({@link BlockSizer}). */
    public static Plan plan(Kernel<?> kernel, Rows query, Rows reference, Integer blockSize, Integer partitions,
                            int cores, long budget, boolean sparse) {
        boolean rectangular = reference != null;
        int m = query.rows();
        int k = rectangular ? reference.rows() : m;
        double[] rowWeights = weights(kernel, query);
        double[] colWeights = rectangular ? weights(kernel, reference) : null;
        double pairCost = sparse ? meanPairCost(rowWeights, colWeights == null ? rowWeights : colWeights) : 0;
        return Plan.create(rowWeights, colWeights, m, k, mirrored(kernel, reference), blockSize, partitions, cores,
                new BlockSizer.Limits(budget, kernel.scratchBytes(longestRow(query, reference)), kernel.minTileWidth(),
                        pairCost));
    }

    /** A pair's mean planned cost, (Σ w_i)(Σ w_j) / (m k); at least a tiny positive value (marks the output sparse). */
    static double meanPairCost(double[] rows, double[] cols) {
        double a = 0;
        double b = 0;
        for (double w : rows) {
            a += w;
        }
        for (double w : cols) {
            b += w;
        }
        double mean = rows.length == 0 || cols.length == 0 ? 0 : (a / rows.length) * (b / cols.length);
        return Math.max(mean, Double.MIN_NORMAL);
    }

    /** Only I <= J is computed, then mirrored: a symmetric kernel on a square matrix. */
    public static boolean mirrored(Kernel<?> kernel, Rows reference) {
        return kernel.symmetric() && reference == null;
    }

    /** The longest row of either side (what a scratch is sized for). */
    public static int longestRow(Rows query, Rows reference) {
        return Math.max(query.maxLength(), reference == null ? 0 : reference.maxLength());
    }

    /** The cost model of the matrix's rows and columns (for a plan over stored boundaries). */
    public static CostModel costModel(Kernel<?> kernel, Rows query, Rows reference) {
        double[] rows = weights(kernel, query);
        return new CostModel(rows, reference == null ? rows : weights(kernel, reference));
    }

    /** Row weights for the cost model: w_i = sqrt(cost(len_i, len_i)), so w_i · w_j estimates a pair. */
    static double[] weights(Kernel<?> kernel, Rows rows) {
        double[] w = new double[rows.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sqrt(kernel.pairCost(rows.length(i), rows.length(i)));
        }
        return w;
    }
}
