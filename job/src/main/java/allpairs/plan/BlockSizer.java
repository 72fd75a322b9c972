package allpairs.plan;

/**
 * The default block size: the largest whose row band (block × k doubles, k = m unless rectangular) stays within
 * {@link #BAND_BYTES_MAX} while the plan still has at least {@link #TILES_PER_CORE} tiles per core.
 */
public final class BlockSizer {
    public static final long BAND_BYTES_MAX = 32L * 1024 * 1024;
    public static final int TILES_PER_CORE = 4;

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
        // Tile count only falls as the block grows, so the first block from the top that gives
        // enough tiles is the largest one; small m may never get there, then 1 gives the most.
        for (int b = upper; b >= 1; b--) {
            if (Tiling.tileCount(m, k, b, symmetric) >= wantedTiles) {
                return b;
            }
        }
        return 1;
    }
}
