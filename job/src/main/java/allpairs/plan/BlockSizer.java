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
     * What bounds a default block: bytes one task may use and the kernel's scratch (see below), and
     * the kernel's {@link allpairs.kernel.Kernel#minTileWidth} as a floor the memory bound may lower.
     */
    public record Limits(long budgetBytes, long scratchBytes, int minBlock) {
        public static final Limits NONE = new Limits(Long.MAX_VALUE, 0, 1);
    }


    /**
     * As above, and within a per-task memory budget: the kernel's scratch, the tile's result block
     * and its transpose (2 × block² doubles), and the band being assembled (block × k doubles).
     */
    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric, Limits limits) {
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
