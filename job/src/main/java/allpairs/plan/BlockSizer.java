package allpairs.plan;

/**
 * The default block size: rows spread evenly over the fewest row bands that give the plan at least
 * {@link #TILES_PER_CORE} tiles per core, with each band (block × k doubles, k = m unless
 * rectangular) within {@link #BAND_BYTES_MAX}.
 */
public final class BlockSizer {
    public static final long BAND_BYTES_MAX = 32L * 1024 * 1024;
    /**
     * At least this many tiles per core (the rule the job started with). The bands are then made
     * even: the largest block with enough tiles could leave a sliver of a last band (m = 600 on 2
     * cores: bands of 199, 199, 199 and 3 rows), which left one partition 50% over the mean.
     */
    public static final int TILES_PER_CORE = 4;

    private BlockSizer() {
    }


    /**
     * Sparse outputs (edges, top-k): a tile of about this much planned cost ({@link CostModel}: DP
     * cells for the alignment kernels), a few seconds of one core for a fast kernel (levenshtein, 50
     * bp: about 5·10^7 pairs). Such a tile is computed in parts ({@link TileParts}), so its size costs
     * no memory; what bounds it is the work a killed task loses and the balance between cores.
     */
    public static final double SPARSE_TILE_COST = 0x1p37;
    /** Sparse outputs: at most this many tiles (or {@link #SPARSE_TILES_PER_CORE} per core, if more), so the driver's plan stays small. */
    public static final int SPARSE_TILES_MAX = 4096;
    public static final int SPARSE_TILES_PER_CORE = 64;

    /**
     * What bounds a default block: bytes one task may use and the kernel's scratch (see below), and
     * the kernel's {@link allpairs.kernel.Kernel#minTileWidth} as a floor the memory bound may lower.
     *
     * @param sparsePairCost a pair's mean planned cost when the output is sparse (edges or top-k,
     *                       whose tiles are sized by work, {@link #sparseBlockSize}); 0 for a dense output
     */
    public record Limits(long budgetBytes, long scratchBytes, int minBlock, double sparsePairCost) {
        public static final Limits NONE = new Limits(Long.MAX_VALUE, 0, 1);

        public Limits(long budgetBytes, long scratchBytes, int minBlock) {
            this(budgetBytes, scratchBytes, minBlock, 0);
        }
    }


    /**
     * As above, and within a per-task memory budget: the kernel's scratch, the tile's result block
     * and its transpose (2 × block² doubles), and the band being assembled (block × k doubles).
     */
    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric, Limits limits) {
        int dense = denseBlockSize(m, k, cores, symmetric, limits);
        return limits.sparsePairCost() > 0
                ? Math.max(dense, sparseBlockSize(m, k, cores, symmetric, limits.sparsePairCost())) : dense;
    }

    /**
     * Sparse outputs: a tile is never held as one dense block (computed in parts, it keeps only its
     * edges), so blocks are sized by work: the smallest block whose tile count is within total cost /
     * {@link #SPARSE_TILE_COST} and the {@link #SPARSE_TILES_MAX} cap; 1 (the dense rule decides)
     * when that is no more than {@link #TILES_PER_CORE} per core.
     */
    static int sparseBlockSize(int m, int k, int cores, boolean symmetric, double pairCost) {
        double pairs = symmetric ? m * (m + 1.0) / 2 : (double) m * k;
        long cap = Math.max(SPARSE_TILES_MAX, (long) SPARSE_TILES_PER_CORE * Math.max(1, cores));
        long byWork = (long) Math.min(cap, pairs * pairCost / SPARSE_TILE_COST);
        long target = byWork;
        if (target <= (long) TILES_PER_CORE * Math.max(1, cores)) {
            return 1; // little work: the dense rule's tiles per core are already this few
        }
        int lo = 1;
        int hi = Math.max(1, Math.max(m, k));
        while (lo < hi) { // tile count only falls as blocks grow
            int mid = (int) (((long) lo + hi) >>> 1);
            if (Tiling.tileCount(m, k, mid, symmetric) <= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int bands = Tiling.bands(Math.max(1, m), lo);
        return (int) ((Math.max(1, m) + (long) bands - 1) / bands); // even bands, no sliver of a last one
    }

    /** Dense outputs: blocks within the memory of a dense tile and band, at least {@link #TILES_PER_CORE} tiles per core. */
    static int denseBlockSize(int m, int k, int cores, boolean symmetric, Limits limits) {
        long byMemory = Math.max(1, Math.min(BAND_BYTES_MAX / (8L * k),
                rowsWithin(limits.budgetBytes(), limits.scratchBytes(), k)));
        int upper = (int) Math.min(m, byMemory);
        int floor = Math.min(Math.max(1, limits.minBlock()), upper);
        long wantedTiles = (long) TILES_PER_CORE * Math.max(1, cores);
        // Tile count only grows with the band count; ceil(m / bands) rows per band, so the last band
        // is not a sliver (the largest block with enough tiles could leave, say, 3 rows in it).
        int fewest = Tiling.bands(m, upper);
        for (int bands = fewest; bands <= m; bands++) {
            int block = (int) ((m + (long) bands - 1) / bands);
            if (block < floor) {
                // the kernel's floor wins over tiles per core: the most bands whose blocks keep to it
                // (never fewer bands than the memory bound allows)
                int most = Math.max(fewest, bands - 1);
                return (int) ((m + (long) most - 1) / most);
            }
            if (Tiling.tileCount(m, k, block, symmetric) >= wantedTiles) {
                return block;
            }
        }
        return 1;
    }

    /** Task bytes for a block of b rows: scratch + result block and transpose + band of k columns. */
    public static long taskBytes(long b, int k, long scratchBytes) {
        return scratchBytes + 16 * b * b + 8 * b * k;
    }

    /** The most rows per block whose task bytes fit the budget (at least 1). */
    static long rowsWithin(long budgetBytes, long scratchBytes, int k) {
        if (budgetBytes == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long lo = 1;
        long hi = Math.max(1, Math.min(1L << 31, budgetBytes / 8));
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (taskBytes(mid, k, scratchBytes) <= budgetBytes) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
