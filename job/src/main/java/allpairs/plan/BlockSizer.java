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

    public static int defaultBlockSize(int m, int cores, boolean symmetric) {
        return defaultBlockSize(m, m, cores, symmetric);
    }

    /** For an m×k matrix: a band is block × k doubles. */
    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric) {
        return defaultBlockSize(m, k, cores, symmetric, Long.MAX_VALUE, 0);
    }

    /**
     * As above, and within a per-task memory budget: the kernel's scratch, the tile's result block
     * and its transpose (2 × block² doubles), and the band being assembled (block × k doubles).
     */
    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric, long budgetBytes,
                                       long scratchBytes) {
        long byMemory = Math.max(1, Math.min(BAND_BYTES_MAX / (8L * k), rowsWithin(budgetBytes, scratchBytes, k)));
        int upper = (int) Math.min(m, byMemory);
        long wantedTiles = (long) TILES_PER_CORE * Math.max(1, cores);
        // Tile count only grows with the band count; ceil(m / bands) rows per band, so the last band
        // is not a sliver (the largest block with enough tiles could leave, say, 3 rows in it).
        for (int bands = Tiling.bands(m, upper); bands <= m; bands++) {
            int block = (int) ((m + (long) bands - 1) / bands);
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
