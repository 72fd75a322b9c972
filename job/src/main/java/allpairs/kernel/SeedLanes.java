package allpairs.kernel;

/**
 * Whether the seed kernel may use its SIMD path ({@link SeedVectorFill}): only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}. This class never names a Vector API type,
 * so a JVM without the module loads it, reads false, and never loads {@link SeedVectorFill}.
 * {@code -Dallpairs.seed.scalar=true} turns the SIMD path off (for comparisons).
 */
final class SeedLanes {
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("allpairs.seed.scalar");

    private SeedLanes() {
    }

    /** Cells the SIMD path may write past the n×n table (0 when it is not available). */
    static int overshoot() {
        return AVAILABLE ? SeedVectorFill.overshoot() : 0;
    }

    /** Vector jobs the SIMD path plans for an n×n table (0 when it is not available). */
    static int maxJobs(int n) {
        return AVAILABLE ? SeedVectorFill.maxJobs(n) : 0;
    }
}
