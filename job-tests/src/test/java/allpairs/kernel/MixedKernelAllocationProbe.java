package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Run by {@link MixedKernelAllocationTest} in a JVM of its own (issue 25, "a JVM that ran levenshtein's
 * lanes"): planning, which must not warm the Vector API up ({@link #plansWithoutWarmUp}), then
 * levenshtein's LongVector lanes (one- and two-word patterns, with and without a bound), then sw's and nw's
 * tile rows, each warmed until a pass allocates under a byte per pair (at most {@link #MAX_PASSES}); one line
 * per kernel ({@code KERNEL pairs=P bytes=B}) and the operator-cache entries the kernels added after the warm-up ({@code cache-misses=N}).
 * Before {@link VectorWarmup}, about one run in seven on a loaded machine ended with sw and/or nw still
 * allocating (7 KB to 700 KB per pair): a class_check trap in the shared operator cache's profile, added up
 * over the lane loop's inlined look-ups, made C2 give up type profiles and the store intrinsics (see
 * VectorWarmup and docs/performance.md). To watch the intrinsics, run it with {@code java --add-modules
 * jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions -XX:+PrintIntrinsics -cp <test classpath>
 * allpairs.kernel.MixedKernelAllocationProbe}.
 */
public final class MixedKernelAllocationProbe {
    /** Warm-up passes allowed per kernel: C2 is slow on a loaded machine; a warm pass ends the loop. */
    private static final int MAX_PASSES = 100;

    private MixedKernelAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (!VectorSupport.PRESENT) {
            throw new IllegalStateException("run with --add-modules jdk.incubator.vector");
        }
        plansWithoutWarmUp();
        int cached = OperatorCaches.filled();
        levenshtein();
        AlignmentReferenceTest.Case c = AlignmentReferenceTest.read("sw-BLOSUM62.tsv");
        int m = c.rows().length;
        // The rows four times over: sw's tile rows fill 8-bit lanes, then 16-bit ones.
        byte[][] rows = new byte[4 * m][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = c.rows()[r % m];
        }
        for (String kernel : List.of("sw", "nw")) {
            @SuppressWarnings("unchecked")
            Kernel<Object> k = (Kernel<Object>) Kernels.configured(kernel, List.of("matrix=BLOSUM62"));
            warm(kernel, k, ragged(rows), m, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        }
        System.out.println("cache-misses=" + (OperatorCaches.filled() - cached));
    }

    /**
     * Issue 27: what a driver asks while planning (every kernel's scratch size, the lane counts) leaves the
     * Vector API cold ({@code planning-warmed=false}); the first lane scratch warms it, before any lane
     * operation ({@code scratch-warmed=true}).
     */
    private static void plansWithoutWarmUp() {
        for (String kernel : List.of("levenshtein", "sw", "nw", "dtw", "seed")) {
            boolean alignment = kernel.equals("sw") || kernel.equals("nw");
            Kernels.configured(kernel, alignment ? List.of("matrix=BLOSUM62") : List.of()).scratchBytes(100);
        }
        System.out.println("lanes=" + MyersLanes.LANES + "," + IntAlignment.LANES + "," + DtwLanes.WIDTH
                + " planning-warmed=" + VectorSupport.warmed());
        new LevenshteinKernel().newScratch(100);
        System.out.println("scratch-warmed=" + VectorSupport.warmed());
    }

    /** Rows of 20..60 symbols (one word) and 90..120 (two words), 4 symbols: every lane path. */
    private static void levenshtein() {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[][] rows = new byte[48][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = KernelTestSupport.randomSymbols(r % 3 == 0 ? 90 + rnd.nextInt(30) : 20 + rnd.nextInt(40), 4, rnd);
        }
        warm("levenshtein", new LevenshteinKernel(), ragged(rows), rows.length, Double.POSITIVE_INFINITY, 6);
    }

    /**
     * Query rows 0..queries-1 against every row, each pass once per bound, until a pass allocates
     * less than a byte per pair; prints that pass's bytes.
     */
    private static <S> void warm(String name, Kernel<S> k, ByteRows data, int queries, double bound1, double bound2) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        S scratch = k.newScratch(data.maxLength());
        int w = data.rows();
        double[] out = new double[w];
        int pairs = (bound1 == bound2 ? 1 : 2) * queries * w;
        long allocated = Long.MAX_VALUE;
        for (int pass = 0; pass < MAX_PASSES && allocated >= pairs; pass++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < queries; i++) {
                k.computeRow(data, i, data, 0, w, bound1, scratch, out, 0);
                if (bound2 != bound1) {
                    k.computeRow(data, i, data, 0, w, bound2, scratch, out, 0);
                }
            }
            allocated = mx.getThreadAllocatedBytes(tid) - before;
        }
        System.out.println(name + " pairs=" + pairs + " bytes=" + allocated);
    }
}
