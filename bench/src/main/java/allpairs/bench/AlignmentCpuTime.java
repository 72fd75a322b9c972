package allpairs.bench;

import allpairs.kernel.ByteRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * {@link AlignmentBench}'s cases timed in thread CPU time rather than wall time: on a shared machine
 * (load several times the core count) JMH's wall-clock scores swing by ±100% between runs, while
 * the CPU time a thread actually ran is steady to a few percent. For each case (sw/nw, BLOSUM62
 * -10/-1, rows of one length) it prints the best of 9 rounds of 0.3 CPU-seconds of computeRow (the
 * SIMD lanes, 64 columns) and of compute (the double DP), and their ratio, measured in one run.
 * Run: {@code java --add-modules=jdk.incubator.vector -cp bench/target/benchmarks.jar
 * allpairs.bench.AlignmentCpuTime [sw:300 sw:1000 nw:300 nw:1000]}.
 */
public final class AlignmentCpuTime {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int COLS = AlignmentBench.COLS;

    private AlignmentCpuTime() {
    }

    public static void main(String[] args) {
        List<String> cases = args.length > 0 ? List.of(args) : List.of("sw:300", "sw:1000", "nw:300", "nw:1000");
        for (String c : cases) {
            String[] f = c.split(":");
            @SuppressWarnings("unchecked")
            Kernel<Object> k = (Kernel<Object>) Kernels.configured(f[0],
                    List.of("matrix=BLOSUM62", "gap-open=-10", "gap-extend=-1"));
            int len = Integer.parseInt(f[1]);
            ByteRows rows = Proteins.fixedLength(COLS + 1, len, 42);
            Object scratch = k.newScratch(rows.maxLength());
            double[] out = new double[COLS];
            double lanes = best(() -> k.computeRow(rows, COLS, rows, 0, COLS, Double.NEGATIVE_INFINITY, scratch, out, 0))
                    / COLS;
            double dp = best(() -> out[0] = k.compute(rows, COLS, rows, 1, scratch));
            System.out.printf(Locale.ROOT, "%-8s computeRow %9.0f ns/pair (%.2e cells per CPU-s)   compute %10.0f ns/pair"
                    + " (%.2e)   ratio %.0fx%n", c, lanes, len * (double) len / lanes * 1e9, dp,
                    len * (double) len / dp * 1e9, dp / lanes);
        }
    }

    /** The fewest CPU nanoseconds per call over rounds 3..11 of 0.3 CPU-seconds each. */
    private static double best(Runnable call) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 12; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            long calls = 0;
            do {
                call.run();
                calls++;
            } while (CPU.getCurrentThreadCpuTime() - start < 300_000_000L);
            if (round >= 3) {
                best = Math.min(best, (CPU.getCurrentThreadCpuTime() - start) / (double) calls);
            }
        }
        return best;
    }
}
