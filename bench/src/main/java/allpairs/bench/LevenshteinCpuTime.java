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
 * to compare the SIMD lanes with the scalar loops (an argument N:X passes the bound X;
 * {@code reads} or {@code reads:X}: the reads bench's rows, tile rows of 500):
 * <pre>
 * java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar allpairs.bench.LevenshteinCpuTime 50 100 50:3 reads:3
 * </pre>
 */
public final class LevenshteinCpuTime {
    /** "reads": the reads bench's generated reads (length 50, families of 20), tile rows this wide. */
    private static final int READS = 4000;
    private static final int READS_TILE_WIDTH = 500;

    private LevenshteinCpuTime() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            String[] parts = arg.split(":"); // N or N:BOUND; "reads": the reads bench's rows
            boolean reads = parts[0].equals("reads");
            int n = reads ? 50 : Integer.parseInt(parts[0]);
            double bound = parts.length > 1 ? Double.parseDouble(parts[1]) : Double.POSITIVE_INFINITY;
            Kernel<Object> kernel = (Kernel<Object>) Kernels.byName("levenshtein");
            int width = reads ? READS_TILE_WIDTH : KernelBench.COLS;
            byte[][] generated = reads ? ReadFamilies.generate(READS, n, 20, 42) : null;
            Rows rows = reads ? KernelBenchRows.ragged(generated)
                    : KernelBench.randomRows("levenshtein", KernelBench.ROWS, n, 42);
            Rows cols = reads ? rows : KernelBench.randomRows("levenshtein", KernelBench.COLS, n, 43);
            Object scratch = kernel.newScratch(n);
            double[] out = new double[width];
            long calls = Math.max(8, 40_000_000L / ((long) n * n) * KernelBench.COLS / width);
            double[] ns = new double[7];
            double bytes = 0;
            double sink = 0;
            for (int round = -3; round < ns.length; round++) {
                long a0 = mx.getCurrentThreadAllocatedBytes();
                long c0 = mx.getCurrentThreadCpuTime();
                for (long q = 0; q < calls; q++) {
                    int i = (int) (q % rows.rows());
                    int from = reads ? (int) (q * width % (READS - width)) : 0;
                    kernel.computeRow(rows, i, cols, from, from + width, bound, scratch, out, 0);
                    sink += out[(int) (q & 15)];
                }
                long pairs = calls * width;
                if (round >= 0) {
                    ns[round] = (mx.getCurrentThreadCpuTime() - c0) / (double) pairs;
                    bytes = Math.max(bytes, (mx.getCurrentThreadAllocatedBytes() - a0) / (double) pairs);
                }
            }
            java.util.Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "levenshtein %s%s (%s): %.1f ns/pair CPU (median of 7; %.1f .. %.1f),"
                    + " %.3f B/pair%s%n", reads ? "reads" : n + "x" + n, parts.length > 1 ? " bound " + parts[1] : "", Boolean.getBoolean("allpairs.levenshtein.scalar") ? "scalar" : "default",
                    ns[3], ns[0], ns[6], bytes, sink == 42 ? " " : "");
        }
    }
}
