package allpairs.plan;

/**
 * The default block size: rows spread evenly over the fewest row bands that give the plan at least
 * {@link #TILES_PER_CORE} tiles per core, with each band (block × k doubles, k = m unless
 * rectangular) within {@link #BAND_BYTES_MAX}.
 */
public final class BlockSizer {
    public static final long BAND_BYTES_MAX = 32L * 1024 * 1024;
    /**
     * Tiles are packed into partitions by cost; with only a few tiles per core the packing cannot
     * balance (at 4 per core, m = 600 on 2 cores left one partition 50% over the mean and local[2]
     * about 10% slower), while a tile's own overhead (one result block) is tiny next to its pairs.
     */
    public static final int TILES_PER_CORE = 16;

    private BlockSizer() {
    }

    public static int defaultBlockSize(int m, int cores, boolean symmetric) {
        return defaultBlockSize(m, m, cores, symmetric);
    }

    /** For an m×k matrix: a band is block × k doubles. */
    public static int defaultBlockSize(int m, int k, int cores, boolean symmetric) {
        long byMemory = Math.max(1, BAND_BYTES_MAX / (8L * k));
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
}
