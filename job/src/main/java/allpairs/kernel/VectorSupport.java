package allpairs.kernel;

/**
 * Whether this JVM has the Vector API ({@code --add-modules jdk.incubator.vector}): without it every
 * kernel takes its scalar path, with the same values and about ten times slower. Executors started
 * without the flag are easy to miss, so {@link #reportOnce} says so once per JVM.
 */
public final class VectorSupport {
    /**
     * The module is in the boot layer (cheap: a driver that only plans reads this and the lane counts).
     * Each kernel's SIMD path also has a switch of its own to turn it off.
     */
    public static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VectorSupport.class);
    private static volatile boolean reported;
    private static volatile boolean warmed;

    private VectorSupport() {
    }

    /**
     * Fills the Vector API's operator caches ({@link VectorWarmup}, about 0.1 s) once per JVM, where
     * kernels compute: every lane path's scratch calls this before its first vector operation, so a
     * driver that only plans (scratch sizes, lane counts) never pays it.
     */
    static void warm() {
        Warm.done();
    }

    /** Whether {@link #warm} ran in this JVM. */
    static boolean warmed() {
        return warmed;
    }

    /** The warm-up in a class initialiser: once per JVM, and a second caller waits for the first. */
    private static final class Warm {
        static {
            if (PRESENT) {
                long start = System.nanoTime();
                VectorWarmup.run();
                LOG.debug("Vector API warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            warmed = true;
        }

        static void done() {
            // the class initialiser did the work
        }
    }

    /** Logs, once per JVM (an executor), which paths its kernels take; returns {@link #PRESENT}. */
    public static boolean reportOnce() {
        if (!reported) {
            reported = true;
            if (PRESENT) {
                LOG.info("Vector API present: kernels take their SIMD paths");
            } else {
                LOG.warn("jdk.incubator.vector is not in this JVM: kernels take their scalar paths (same values, about"
                        + " 10x slower); add --add-modules=jdk.incubator.vector to spark.executor.extraJavaOptions");
            }
        }
        return PRESENT;
    }

    /** The summary's {@code vector_api}: "on", "off", or "mixed" when only some tasks had it. */
    public static String label(long tasks, long tasksWithout) {
        return tasksWithout == 0 ? "on" : tasksWithout >= tasks ? "off" : "mixed";
    }
}
