package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Run by {@link AlignmentReferenceTest} in a JVM of its own: levenshtein's LongVector lanes first
 * (one- and two-word patterns, with and without a bound), then sw's and nw's tile rows, each warmed up
 * until C2 has compiled its lane loops, then the bytes one more pass allocates, one line per kernel
 * ({@code KERNEL pairs=P bytes=B}). Levenshtein first because that is what a long-lived executor may
 * have run before (in the full suite's JVM the nw/sw lane loops once stayed allocating after it).
 */
public final class AlignmentAllocationProbe {
    /** Warm-up passes allowed per kernel: C2 is slow on a loaded machine; a warm pass ends the loop. */
    private static final int MAX_PASSES = 100;

    private AlignmentAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
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
