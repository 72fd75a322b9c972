package allpairs.kernel;

import allpairs.bench.Proteins;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * Where sw's cells go on a realistic protein set (issue 30): the tile rows of the job's default
 * tiling (upper triangle, diagonal tiles starting at the diagonal), sampled every {@code step}-th
 * row, timed in thread CPU time per {@code computeRow}, then the same rows split into their parts:
 * the 8-bit lanes over every column, the pairs those lanes hand back (16-bit groups, or the 32-bit
 * scalar DP when fewer than {@link IntAlignment#MIN_GROUP}), and the 8-bit lanes' occupancy
 * (useful cells over lane-cells, from the refill schedule). In package allpairs.kernel for the
 * package-private paths. Run: {@code java --add-modules=jdk.incubator.vector -cp
 * bench/target/benchmarks.jar allpairs.kernel.AlignmentBreakdown [m] [block] [step]}.
 */
public final class AlignmentBreakdown {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private AlignmentBreakdown() {
    }

    public static void main(String[] args) {
        int m = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int step = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        String name = args.length > 3 ? args[3] : "sw";
        ByteRows rows = Proteins.realistic(m, 42);
        AffineGapKernel k = (AffineGapKernel) Kernels.configured(name,
                List.of("matrix=BLOSUM62", "gap-open=-10", "gap-extend=-1"));
        AffineGapKernel.Scratch s = k.newScratch(rows.maxLength());
        double[] out = new double[block];
        pass(k, rows, block, step * 7 + 3, s, out, false); // warm-up
        pass(k, rows, block, step, s, out, true);
    }

    /** What one pass adds up (CPU ns, cells, pairs). */
    private static final class Tally {
        double cells, laneCells8, laneCells16, groupCells16, redoCells, scalarCells, selfCells;
        long pairs, redoPairs, scalarPairs, tRow, tGroups, tByte, tRedo, calls;
    }

    private static void pass(AffineGapKernel k, ByteRows rows, int block, int step, AffineGapKernel.Scratch s,
                             double[] out, boolean print) {
        int m = rows.rows();
        Tally t = new Tally();
        for (int i = 0; i < m; i += step) {
            for (int colStart = (i / block) * block; colStart < m; colStart += block) {
                tileRow(k, rows, i, Math.max(i, colStart), Math.min(m, colStart + block), s, out, t);
            }
        }
        if (print) {
            print(k, m, block, step, t);
        }
    }

    /** One computeRow call timed, its cells and hand-backs counted, then its parts timed on their own. */
    private static void tileRow(AffineGapKernel k, ByteRows rows, int i, int jFrom, int jTo, AffineGapKernel.Scratch s,
                                double[] out, Tally t) {
        int n = rows.length(i);
        int high8 = 127 - k.maxAbsScore - 1;
        long t0 = CPU.getCurrentThreadCpuTime();
        k.computeRow(rows, i, rows, jFrom, jTo, Double.NEGATIVE_INFINITY, s, out, 0);
        t.tRow += CPU.getCurrentThreadCpuTime() - t0;
        t.calls++;
        int w = jTo - jFrom;
        int[] lens = new int[w];
        int[] redo = new int[w];
        int nr = 0;
        for (int c = 0; c < w; c++) {
            int j = jFrom + c;
            lens[c] = rows.length(j);
            t.cells += (double) n * lens[c];
            t.selfCells += j == i ? (double) n * lens[c] : 0;
            if (out[c] >= high8) {
                redo[nr++] = j;
                t.redoCells += (double) n * lens[c];
            }
        }
        t.pairs += w;
        t.redoPairs += nr;
        t.tGroups += groupsOf16(k, rows, i, jFrom, jTo, s, new double[w]); // after out is read
        t.laneCells8 += (double) n * makespan(lens, IntAlignment.BYTE_LANES) * IntAlignment.BYTE_LANES;
        t.laneCells16 += (double) n * makespan(lens, IntAlignment.LANES) * IntAlignment.LANES;
        t.groupCells16 += (double) n * groups(lens, IntAlignment.LANES) * IntAlignment.LANES;
        if (k.local()) {
            parts(k, rows, i, jFrom, lens, redo, nr, s.ints, t);
        }
    }

    /** sw: the 8-bit lanes alone over the same columns (longest first), then the hand-backs as computeRow runs them. */
    private static void parts(AffineGapKernel k, ByteRows rows, int i, int jFrom, int[] lens, int[] redo, int nr,
                              IntAlignment.Scratch is, Tally t) {
        int n = rows.length(i);
        int w = lens.length;
        long t2 = CPU.getCurrentThreadCpuTime();
        is.query.prepare(k, rows.data(), rows.offset(i), n);
        is.ensureWidth(w);
        long[] order = is.order;
        for (int c = 0; c < w; c++) {
            order[c] = (long) lens[c] << 32 | (jFrom + c);
        }
        IntAlignment.heapSort(order, w);
        for (int c = 0; c < w; c++) {
            int j = (int) order[w - 1 - c];
            is.colOff[c] = rows.offset(j);
            is.colLen[c] = rows.length(j);
        }
        ByteLaneAligner.align(is.query, rows.data(), is.colOff, is.colLen, w, (int) k.gapOpen,
                (int) k.gapExtend, k.maxAbsScore, is.bytes, is.colResult, is.colOverflow);
        long t3 = CPU.getCurrentThreadCpuTime();
        t.tByte += t3 - t2;
        if (nr < IntAlignment.MIN_GROUP) {
            for (int r = 0; r < nr; r++) {
                int j = redo[r];
                ScalarAligner.align(true, is.query, rows.data(), rows.offset(j), rows.length(j),
                        (int) k.gapOpen, (int) k.gapExtend, is.h, is.v);
                t.scalarCells += (double) n * rows.length(j);
            }
            t.scalarPairs += nr;
        }
        t.tRedo += CPU.getCurrentThreadCpuTime() - t3; // 16-bit hand-back groups: not timed apart (none here)
    }

    private static void print(AffineGapKernel k, int m, int block, int step, Tally t) {
        System.out.printf(Locale.ROOT, "%s m=%d block=%d every %d-th row: %d computeRow calls, %d pairs, %.3e cells;"
                + " lanes: %d x 8 bit, %d x 16 bit%n", k.name(), m, block, step, t.calls, t.pairs, t.cells,
                IntAlignment.BYTE_LANES, IntAlignment.LANES);
        System.out.printf(Locale.ROOT, "computeRow: %.3f CPU-s, %.2e cells per CPU-s%n", t.tRow / 1e9,
                t.cells / t.tRow * 1e9);
        System.out.printf(Locale.ROOT, "same rows, columns sorted longest first and passed 16 at a time (the fixed 16-bit"
                + " groups of before): %.3f CPU-s, %.2e cells per CPU-s: computeRow is %.2fx that%n", t.tGroups / 1e9,
                t.cells / t.tGroups * 1e9, t.tGroups / (double) t.tRow);
        System.out.printf(Locale.ROOT, "8-bit lane occupancy (useful cells / lane-cells of the refill schedule): %.3f%n",
                t.cells / t.laneCells8);
        System.out.printf(Locale.ROOT, "16-bit lane occupancy: refilled %.3f, fixed groups longest first %.3f%n",
                t.cells / t.laneCells16, t.cells / t.groupCells16);
        System.out.printf(Locale.ROOT, "pairs handed back by 8 bits: %d (%.2f%%), %.2f%% of cells (self pairs %.2f%%);"
                + " of them %d to 32-bit scalar (%.2f%% of cells)%n", t.redoPairs, 100.0 * t.redoPairs / t.pairs,
                100 * t.redoCells / t.cells, 100 * t.selfCells / t.cells, t.scalarPairs, 100 * t.scalarCells / t.cells);
        if (k.local()) {
            System.out.printf(Locale.ROOT, "parts: 8-bit lanes (with prepare, sort) %.3f CPU-s (%.0f%%), redo %.3f CPU-s"
                    + " (%.0f%%), rest %.0f%%%n", t.tByte / 1e9, 100.0 * t.tByte / t.tRow, t.tRedo / 1e9,
                    100.0 * t.tRedo / t.tRow, 100.0 * (t.tRow - t.tByte - t.tRedo) / t.tRow);
        }
    }

    /** CPU ns of the tile row's columns sorted longest first and passed 16 at a time (a sorted copy of the rows). */
    private static long groupsOf16(AffineGapKernel k, ByteRows rows, int i, int jFrom, int jTo,
                                   AffineGapKernel.Scratch s, double[] out) {
        Integer[] cols = new Integer[jTo - jFrom + 1];
        cols[0] = i;
        for (int j = jFrom; j < jTo; j++) {
            cols[1 + j - jFrom] = j;
        }
        Arrays.sort(cols, 1, cols.length, (x, y) -> rows.length(y) - rows.length(x));
        int[] offsets = new int[cols.length + 1];
        for (int c = 0; c < cols.length; c++) {
            offsets[c + 1] = offsets[c] + rows.length(cols[c]);
        }
        byte[] data = new byte[offsets[cols.length]];
        for (int c = 0; c < cols.length; c++) {
            System.arraycopy(rows.data(), rows.offset(cols[c]), data, offsets[c], rows.length(cols[c]));
        }
        ByteRows copy = new ByteRows(data, offsets, new String[cols.length]);
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int c = 1; c < cols.length; c += 16) {
            k.computeRow(copy, 0, copy, c, Math.min(cols.length, c + 16), Double.NEGATIVE_INFINITY, s, out, 0);
        }
        return CPU.getCurrentThreadCpuTime() - t0;
    }

    /** Steps of fixed groups of {@code lanes} columns, longest first: each group runs to its longest column. */
    static long groups(int[] lens, int lanes) {
        int[] sorted = lens.clone();
        Arrays.sort(sorted);
        long steps = 0;
        for (int end = sorted.length; end > 0; end -= lanes) {
            steps += sorted[end - 1];
        }
        return steps;
    }

    /** Steps of lanes refilled longest first: each next column goes to the lane that frees first. */
    static long makespan(int[] lens, int lanes) {
        int[] sorted = lens.clone();
        Arrays.sort(sorted);
        PriorityQueue<Long> free = new PriorityQueue<>();
        for (int l = 0; l < lanes; l++) {
            free.add(0L);
        }
        long end = 0;
        for (int c = sorted.length - 1; c >= 0; c--) {
            long t = free.poll() + sorted[c];
            end = Math.max(end, t);
            free.add(t);
        }
        return end;
    }
}
