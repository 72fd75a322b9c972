package allpairs.plan;

import java.util.List;

/**
 * What the job will compute: row (and column) block boundaries, the tiles, and the tiles packed
 * into partitions by estimated cost.
 *
 * @param m rows of the matrix (query rows)
 * @param k columns of the matrix (m, or the reference rows with --against)
 * @param rowBounds block boundaries over the rows (band b is rows rowBounds[b] .. rowBounds[b+1])
 * @param colBounds block boundaries over the columns
 * @param symmetric whether only tiles with I <= J are computed (and mirrored)
 * @param groups one entry per Spark partition
 * @param tiles the number of tiles
 * @param pairs kernel evaluations in all tiles
 * @param partitionCosts estimated cost of each partition
 */
public record Plan(int m, int k, int[] rowBounds, int[] colBounds, boolean symmetric, List<TileGroup> groups,
                   int tiles, long pairs, double[] partitionCosts) {
    /** Partitions per core by default: a few, so a slow partition can be balanced by the others. */
    public static final int PARTITIONS_PER_CORE = 2;
    /** With uneven rows, at least this many tiles per partition, so packing by cost can balance them. */
    public static final int TILES_PER_PARTITION_SKEWED = 8;

    /**
     * The plan for rows of uneven cost: {@code rowWeights}/{@code colWeights} as in {@link CostModel}
     * (null: uniform). With --block-size the blocks have that many rows; otherwise the default
     * block size fixes the number of blocks (raised for uneven rows so packing can balance), and
     * boundaries follow cumulative cost, never exceeding the default's rows per band. Blocks are sized
     * within {@code limits} (memory per task, the kernel's tile width; see {@link BlockSizer}).
     */
    public static Plan create(double[] rowWeights, double[] colWeights, int m, int k, boolean symmetric,
                              Integer blockSize, Integer partitions, int cores, BlockSizer.Limits limits) {
        boolean uniform = rowWeights == null || (isConstant(rowWeights) && (colWeights == null || isConstant(colWeights)));
        CostModel model = uniform ? CostModel.uniform(m, k) : new CostModel(rowWeights, symmetric ? rowWeights : colWeights);
        int wanted = partitions != null ? partitions : PARTITIONS_PER_CORE * Math.max(1, cores);
        int[] rowBounds;
        int[] colBounds;
        if (blockSize != null || uniform) {
            int block = blockSize != null ? Math.min(blockSize, Math.max(m, k))
                    : BlockSizer.defaultBlockSize(m, k, cores, symmetric, limits);
            rowBounds = CostModel.uniformBoundaries(m, block);
            colBounds = CostModel.uniformBoundaries(k, block);
        } else {
            int maxRows = BlockSizer.defaultBlockSize(m, k, cores, symmetric, limits);
            int blocks = Tiling.bands(m, maxRows);
            // enough tiles per partition for LPT to even out what the cost estimate cannot
            while (Tiling.tilesBetween(blocks, symmetric ? blocks : Math.min(blocks, k), symmetric)
                    < (long) TILES_PER_PARTITION_SKEWED * wanted && blocks < m
                    && (m + blocks) / (blocks + 1) >= Math.min(limits.minBlock(), maxRows)) {
                blocks++;
            }
            rowBounds = CostModel.boundaries(rowWeights, blocks, maxRows);
            colBounds = symmetric ? rowBounds : CostModel.boundaries(colWeights, Math.min(blocks, k), maxRows);
        }
        Plan plan = fromBounds(rowBounds, colBounds, symmetric, model, wanted, t -> true);
        if (partitions == null && cores > 1) {
            // Few tiles (a full matrix at 4 tiles per core: 9 tiles in 4 partitions) pack unevenly;
            // one partition per core may balance better. Keep whichever the cost model rates better.
            Plan perCore = fromBounds(rowBounds, colBounds, symmetric, model, cores, t -> true);
            if (perCore.costSkew() < plan.costSkew() - 0.05) {
                return perCore;
            }
        }
        return plan;
    }

    /**
     * The plan over given boundaries (a resumed run reuses its stored tiling), computing only the
     * tiles {@code include} accepts; {@link #tiles} and {@link #pairs} still count every tile.
     */
    public static Plan fromBounds(int[] rowBounds, int[] colBounds, boolean symmetric, CostModel model,
                                  int partitions, java.util.function.Predicate<Tile> include) {
        int m = rowBounds[rowBounds.length - 1];
        int k = colBounds[colBounds.length - 1];
        List<Tile> all = Tiling.tiles(rowBounds, colBounds, symmetric);
        List<Tile> tiles = all.stream().filter(include).toList();
        List<TileGroup> groups = tiles.isEmpty() ? List.of()
                : PartitionPacker.pack(tiles, partitions, tile -> model.tileCost(tile, symmetric));
        double[] partitionCosts = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (Tile t : groups.get(g).tiles()) {
                partitionCosts[g] += model.tileCost(t, symmetric);
            }
        }
        long pairs = 0;
        for (Tile t : all) {
            pairs += t.pairs(symmetric);
        }
        return new Plan(m, k, rowBounds, colBounds, symmetric, List.copyOf(groups), all.size(), pairs,
                partitionCosts);
    }

    private static boolean isConstant(double[] w) {
        for (double v : w) {
            if (v != w[0]) {
                return false;
            }
        }
        return true;
    }

    /** Every tile of the matrix (computed now or not). */
    public List<Tile> allTiles() {
        return Tiling.tiles(rowBounds, colBounds, symmetric);
    }

    /** Row bands of the output (each becomes one Band). */
    public int bands() {
        return rowBounds.length - 1;
    }

    public int partitions() {
        return groups.size();
    }

    /** The most rows in one block (the block size when blocks are uniform). */
    public int blockSize() {
        int max = 0;
        for (int b = 0; b + 1 < rowBounds.length; b++) {
            max = Math.max(max, rowBounds[b + 1] - rowBounds[b]);
        }
        for (int b = 0; b + 1 < colBounds.length; b++) {
            max = Math.max(max, colBounds[b + 1] - colBounds[b]);
        }
        return max;
    }

    /** Estimated cost of the heaviest partition over the mean. */
    public double costSkew() {
        double max = 0;
        double sum = 0;
        for (double c : partitionCosts) {
            max = Math.max(max, c);
            sum += c;
        }
        return sum == 0 ? 1 : max / (sum / partitionCosts.length);
    }
}
