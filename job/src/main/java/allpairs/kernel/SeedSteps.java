package allpairs.kernel;

/**
 * A test hook that counts the seed kernel's inner steps (one term evaluated and added to its cell),
 * so a test can check the work per pair is exactly n^3 (docs/seed-kernel.md forbids doing less, and a
 * shortcut through a - b gives the same bits, so only a count shows it). Off unless the JVM starts
 * with {@code -Dallpairs.seed.countSteps=true}: {@link #COUNTING} is then a constant false, and the
 * JIT removes every {@code if (COUNTING)} from the loops (no cost in the job or the benchmarks).
 */
final class SeedSteps {
    static final boolean COUNTING = Boolean.getBoolean("allpairs.seed.countSteps");
    /** Plain, not atomic: the counting probe runs one thread. */
    private static long steps;

    private SeedSteps() {
    }

    static void add(long n) {
        steps += n;
    }

    /** The steps counted since the last call (0 when not counting). */
    static long take() {
        long s = steps;
        steps = 0;
        return s;
    }
}
