package allpairs.plan;

import java.util.List;

/**
 * The short forms the tests build plans, tilings and default blocks with; the job itself always
 * goes through {@link Planner} with the kernel's limits.
 */
public final class Plans {
    private Plans() {
    }

    /** An m×m matrix whose pairs all cost the same. */
    public static Plan create(int m, boolean symmetric, Integer blockSize, Integer partitions, int cores) {
        return create(m, m, symmetric, blockSize, partitions, cores);
    }

    /** An m×k matrix whose pairs all cost the same; symmetric requires m == k. */
    public static Plan create(int m, int k, boolean symmetric, Integer blockSize, Integer partitions, int cores) {
        return create(null, null, m, k, symmetric, blockSize, partitions, cores);
    }

    /** Rows of uneven cost, no memory budget, no tile-width floor. */
    public static Plan create(double[] rowWeights, double[] colWeights, int m, int k, boolean symmetric,
                              Integer blockSize, Integer partitions, int cores) {
        return Plan.create(rowWeights, colWeights, m, k, symmetric, blockSize, partitions, cores,
                BlockSizer.Limits.NONE);
    }

    public static Plan create(double[] rowWeights, double[] colWeights, int m, int k, boolean symmetric,
                              Integer blockSize, Integer partitions, int cores, BlockSizer.Limits limits) {
        return Plan.create(rowWeights, colWeights, m, k, symmetric, blockSize, partitions, cores, limits);
    }

    public static int defaultBlockSize(int m, int cores, boolean symmetric) {
        return defaultBlockSize(m, m, cores, symmetric);
    }

    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric) {
        return BlockSizer.defaultBlockSize(m, k, cores, symmetric, BlockSizer.Limits.NONE);
    }

    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric, long budgetBytes,
                                       long scratchBytes) {
        return BlockSizer.defaultBlockSize(m, k, cores, symmetric, new BlockSizer.Limits(budgetBytes, scratchBytes, 1));
    }

    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric, BlockSizer.Limits limits) {
        return BlockSizer.defaultBlockSize(m, k, cores, symmetric, limits);
    }

    /** The tiles of an m×m matrix cut by one block size. */
    public static List<Tile> tiles(int m, int blockSize, boolean symmetric) {
        return tiles(m, m, blockSize, symmetric);
    }

    /** The tiles of an m×k matrix, rows and columns cut with the same block size. */
    public static List<Tile> tiles(int m, int k, int blockSize, boolean symmetric) {
        if (m < 1 || k < 1 || blockSize < 1 || (symmetric && m != k)) {
            throw new IllegalArgumentException("m, k and block size must be >= 1, and m == k when symmetric");
        }
        return Tiling.tiles(CostModel.uniformBoundaries(m, blockSize), CostModel.uniformBoundaries(k, blockSize),
                symmetric);
    }

    public static List<Tile> tiles(int[] rowBounds, int[] colBounds, boolean symmetric) {
        return Tiling.tiles(rowBounds, colBounds, symmetric);
    }
}
