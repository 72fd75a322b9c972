package allpairs.bench;

import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Levenshtein per pair in thread CPU time (a shared machine moves wall-clock scores far more than a
 * thread's CPU time): KernelBench's rows and tile rows (8 rows of length N against 16 others, one
 * {@code computeRow} per row), 7 rounds after a warm-up, the median printed with the range and the
 * bytes allocated per pair. Run it twice, with and without {@code -Dallpairs.levenshtein.scalar=true},
 * to compare the SIMD lanes with the scalar loops:
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar allpairs.bench.LevenshteinCpuTime 50 100
 * </pre>
 */
public final class LevenshteinCpuTime {
    private LevenshteinCpuTime() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            Kernel<Object> kernel = (Kernel<Object>) Kernels.byName("levenshtein");
            Rows rows = KernelBench.randomRows("levenshtein", KernelBench.ROWS, n, 42);
            Rows cols = KernelBench.randomRows("levenshtein", KernelBench.COLS, n, 43);
            Object scratch = kernel.newScratch(n);
            double[] out = new double[KernelBench.COLS];
            long calls = Math.max(8, 40_000_000L / ((long) n * n));
            double[] ns = new double[7];
            double bytes = 0;
            double sink = 0;
            for (int round = -3; round < ns.length; round++) {
                long a0 = mx.getCurrentThreadAllocatedBytes();
                long c0 = mx.getCurrentThreadCpuTime();
                for (long q = 0; q < calls; q++) {
                    kernel.computeRow(rows, (int) (q % KernelBench.ROWS), cols, 0, KernelBench.COLS,
                            Double.POSITIVE_INFINITY, scratch, out, 0);
                    sink += out[(int) (q & 15)];
                }
                long pairs = calls * KernelBench.COLS;
                if (round >= 0) {
                    ns[round] = (mx.getCurrentThreadCpuTime() - c0) / (double) pairs;
                    bytes = Math.max(bytes, (mx.getCurrentThreadAllocatedBytes() - a0) / (double) pairs);
                }
            }
            java.util.Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "levenshtein %dx%d (%s): %.1f ns/pair CPU (median of 7; %.1f .. %.1f),"
                    + " %.3f B/pair%s%n", n, n, Boolean.getBoolean("allpairs.levenshtein.scalar") ? "scalar" : "default",
                    ns[3], ns[0], ns[6], bytes, sink == 42 ? " " : "");
        }
    }
}
