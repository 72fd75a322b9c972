package allpairs.kernel;

/**
 * Whether this JVM has the Vector API ({@code --add-modules jdk.incubator.vector}): without it every
 * kernel takes its scalar path, with the same values and about ten times slower. Executors started
 * without the flag are easy to miss, so {@link #reportOnce} says so once per JVM.
 */
public final class VectorSupport {
    /**
     * The module is in the boot layer. Each kernel's SIMD path also has a switch of its own to turn it off.
     * Every lane path reads this first, so the operator caches are filled ({@link VectorWarmup}) before
     * any kernel's first vector operation.
     */
    public static final boolean PRESENT = presentAndWarm();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VectorSupport.class);
    private static volatile boolean reported;

    private VectorSupport() {
    }

    private static boolean presentAndWarm() {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (present) {
            VectorWarmup.run();
        }
        return present;
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
