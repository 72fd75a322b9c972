package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;

import java.util.List;

/**
 * Run by {@link AlignmentReferenceTest} in a JVM of its own: sw's and nw's tile rows, warmed up until
 * C2 has compiled the lane loops, then the bytes one more pass allocates, one line per kernel
 * ({@code KERNEL pairs=P bytes=B}). A fresh JVM because in a JVM that ran levenshtein's LongVector
 * lanes first, C2 sometimes leaves the nw/sw lane loop uncompiled (a JIT interaction of its own,
 * reported separately), which is not what this test is about.
 */
public final class AlignmentAllocationProbe {
    private AlignmentAllocationProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        AlignmentReferenceTest.Case c = AlignmentReferenceTest.read("sw-BLOSUM62.tsv");
        int m = c.rows().length;
        // The rows four times over: sw's tile rows fill 8-bit lanes, then 16-bit ones.
        byte[][] rows = new byte[4 * m][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = c.rows()[r % m];
        }
        ByteRows data = ragged(rows);
        int pairs = m * rows.length;
        for (String kernel : List.of("sw", "nw")) {
            Kernel<Object> k = (Kernel<Object>) Kernels.configured(kernel, List.of("matrix=BLOSUM62"));
            Object scratch = k.newScratch(data.maxLength());
            double[] out = new double[rows.length];
            // The Vector API allocates until C2 compiles the lane loop: allow warm-up passes.
            long allocated = Long.MAX_VALUE;
            for (int pass = 0; pass < 100 && allocated >= pairs; pass++) {
                long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int i = 0; i < m; i++) {
                    k.computeRow(data, i, data, 0, rows.length, Double.NEGATIVE_INFINITY, scratch, out, 0);
                }
                allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            }
            System.out.println(kernel + " pairs=" + pairs + " bytes=" + allocated);
        }
    }
}
