package allpairs.kernel;

/**
 * Whether the seed kernel may use its SIMD path ({@link SeedVectorFill}): only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}. This class never names a Vector API type,
 * so a JVM without the module loads it, reads false, and never loads {@link SeedVectorFill}.
 * {@code -Dallpairs.seed.scalar=true} turns the SIMD path off (for comparisons).
 */
final class SeedLanes {
    static final boolean AVAILABLE = VectorSupport.PRESENT
            && !Boolean.getBoolean("allpairs.seed.scalar");

    private SeedLanes() {
    }

    /** Cells the SIMD path may write past the n×n table (0 when it is not available). */
    static int overshoot() {
        return AVAILABLE ? SeedVectorFill.overshoot() : 0;
    }

    /**
     * The longest rows a tile row runs with one pair per lane ({@link SeedPairLanes}). Measured (thread
     * CPU per pair, AVX-512, against the cell lanes of {@link SeedVectorFill} in alternating runs):
     * n = 32 1.7 → 1.1 µs, n = 64 8.9 → 6.8 µs, but n = 80 18 → 19..27 µs, n = 96 even, n = 128 72 → 77;
     * longer rows keep the cell lanes.
     */
    static final int PAIR_LANES_MAX_N = 64;

    /** Pairs a tile row of rows of n computes at once ({@link SeedPairLanes}); 0 when it does not. */
    static int pairLanes(int n) {
        return AVAILABLE && n <= PAIR_LANES_MAX_N ? SeedPairLanes.LANES : 0;
    }

    /** Doubles of the scratch {@link SeedPairLanes} needs for rows of n (0 when it is not used). */
    static long pairLaneDoubles(int n) {
        return pairLanes(n) > 0 ? SeedPairLanes.scratchDoubles(n) : 0;
    }

    /** Vector jobs the SIMD path plans for an n×n table (0 when it is not available). */
    static int maxJobs(int n) {
        return AVAILABLE ? SeedVectorFill.maxJobs(n) : 0;
    }
}
