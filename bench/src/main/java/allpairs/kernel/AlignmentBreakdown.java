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

    private static void pass(AffineGapKernel k, ByteRows rows, int block, int step, AffineGapKernel.Scratch s,
                             double[] out, boolean print) {
        int m = rows.rows();
        int lanes8 = IntAlignment.BYTE_LANES;
        int high8 = 127 - k.maxAbsScore - 1;
        double cells = 0, laneCells8 = 0, laneCells16 = 0, groupCells16 = 0, redoCells = 0, scalarCells = 0, lane16Cells = 0, selfCells = 0;
        long pairs = 0, redoPairs = 0, scalarPairs = 0, tRow = 0, tGroups = 0, tByte = 0, tRedo = 0, calls = 0;
        IntAlignment.Scratch is = s.ints;
        for (int i = 0; i < m; i += step) {
            int n = rows.length(i);
            for (int colStart = (i / block) * block; colStart < m; colStart += block) {
                int jFrom = Math.max(i, colStart);
                int jTo = Math.min(m, colStart + block);
                long t0 = CPU.getCurrentThreadCpuTime();
                k.computeRow(rows, i, rows, jFrom, jTo, Double.NEGATIVE_INFINITY, s, out, 0);
                long t1 = CPU.getCurrentThreadCpuTime();
                tRow += t1 - t0;
                calls++;
                tGroups += groupsOf16(k, rows, i, jFrom, jTo, s, out);
                int w = jTo - jFrom;
                int[] lens = new int[w];
                int[] redo = new int[w];
                int nr = 0;
                for (int c = 0; c < w; c++) {
                    int j = jFrom + c;
                    lens[c] = rows.length(j);
                    cells += (double) n * lens[c];
                    if (j == i) {
                        selfCells += (double) n * lens[c];
                    }
                    if (out[c] >= high8) {
                        redo[nr++] = j;
                        redoCells += (double) n * lens[c];
                    }
                }
                pairs += w;
                redoPairs += nr;
                laneCells8 += (double) n * makespan(lens, lanes8) * lanes8;
                laneCells16 += (double) n * makespan(lens, IntAlignment.LANES) * IntAlignment.LANES;
                groupCells16 += (double) n * groups(lens, IntAlignment.LANES) * IntAlignment.LANES;
                if (!k.local()) {
                    continue;
                }
                // the 8-bit lanes alone over the same columns, longest first
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
                tByte += t3 - t2;
                if (nr < IntAlignment.MIN_GROUP) {
                    for (int r = 0; r < nr; r++) {
                        int j = redo[r];
                        ScalarAligner.align(true, is.query, rows.data(), rows.offset(j), rows.length(j),
                                (int) k.gapOpen, (int) k.gapExtend, is.h, is.v);
                        scalarCells += (double) n * rows.length(j);
                    }
                    scalarPairs += nr;
                } else {
                    int maxLen = 0;
                    for (int r = 0; r < nr; r++) {
                        maxLen = Math.max(maxLen, rows.length(redo[r]));
                    }
                    lane16Cells += (double) n * maxLen * IntAlignment.LANES * Math.ceil(nr / (double) IntAlignment.LANES);
                }
                tRedo += CPU.getCurrentThreadCpuTime() - t3;
            }
        }
        if (!print) {
            return;
        }
        System.out.printf(Locale.ROOT, "%s m=%d block=%d every %d-th row: %d computeRow calls, %d pairs, %.3e cells;"
                + " lanes: %d x 8 bit, %d x 16 bit%n", k.name(), m, block, step, calls, pairs, cells, lanes8,
                IntAlignment.LANES);
        System.out.printf(Locale.ROOT, "computeRow: %.3f CPU-s, %.2e cells per CPU-s%n", tRow / 1e9, cells / tRow * 1e9);
        System.out.printf(Locale.ROOT, "same rows, columns sorted longest first and passed 16 at a time (the fixed 16-bit"
                + " groups of before): %.3f CPU-s, %.2e cells per CPU-s: computeRow is %.2fx that%n", tGroups / 1e9,
                cells / tGroups * 1e9, tGroups / (double) tRow);
        System.out.printf(Locale.ROOT, "8-bit lane occupancy (useful cells / lane-cells of the refill schedule): %.3f%n",
                cells / laneCells8);
        System.out.printf(Locale.ROOT, "16-bit lane occupancy: refilled %.3f, fixed groups longest first %.3f%n",
                cells / laneCells16, cells / groupCells16);
        System.out.printf(Locale.ROOT, "pairs handed back by 8 bits: %d (%.2f%%), %.2f%% of cells (self pairs %.2f%%);"
                + " of them %d to 32-bit scalar (%.2f%% of cells)%n", redoPairs, 100.0 * redoPairs / pairs,
                100 * redoCells / cells, 100 * selfCells / cells, scalarPairs, 100 * scalarCells / cells);
        if (k.local()) {
            System.out.printf(Locale.ROOT, "parts: 8-bit lanes (with prepare, sort) %.3f CPU-s (%.0f%%), redo %.3f CPU-s"
                    + " (%.0f%%), rest %.0f%%%n", tByte / 1e9, 100.0 * tByte / tRow, tRedo / 1e9, 100.0 * tRedo / tRow,
                    100.0 * (tRow - tByte - tRedo) / tRow);
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
