package allpairs.kernel;

/**
 * {@code nw}/{@code sw}'s {@link Kernel#computeRow} when every score is an integer: the query row
 * is prepared once ({@link QueryTable}), the columns are sorted by length and aligned
 * {@link LaneAligner#LANES} at a time in 16-bit SIMD lanes, and any pair the lanes cannot take
 * (scores too large, a lane that overflowed, a group too small to fill lanes, no Vector API) runs
 * the 32-bit {@link ScalarAligner}, or the double DP when even 32 bits could overflow. Every path
 * gives the exact integer score, so the values are those of {@link Kernel#compute}.
 */
final class IntAlignment {
    /**
     * True when {@code jdk.incubator.vector} is in the boot layer ({@code --add-modules}) and not
     * turned off with {@code -Dallpairs.simd=false}; LaneAligner is loaded only then.
     */
    static final boolean LANES_AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("allpairs.simd"));
    static final int LANES = LANES_AVAILABLE ? LaneAligner.LANES : 0;
    /** Fewer columns than this left in a group: lanes would mostly idle; align them one by one. */
    static final int MIN_GROUP = Math.max(2, LANES / 4);

    /** The 16-bit lanes' arrays: H and E interleaved per query position (LANES each), the slots, the profile. */
    static final class LaneScratch {
        final short[] h;
        final short[] slots = new short[LaneAligner.SLOTS];
        final short[] columnCodes = new short[LANES];
        final short[] profile = new short[256 * LANES];

        LaneScratch(int maxLength) {
            h = new short[2 * (maxLength + 1) * LANES];
        }
    }

    /** Everything the integer paths reuse across a partition. */
    static final class Scratch {
        final QueryTable query;
        final int[] h;
        final int[] v;
        final LaneScratch lanes;
        final int[] yOff = new int[Math.max(1, LANES)];
        final int[] yLen = new int[Math.max(1, LANES)];
        final int[] laneResult = new int[Math.max(1, LANES)];
        final boolean[] overflow = new boolean[Math.max(1, LANES)];
        /** (length << 32 | column) of the tile row's columns; grows to the widest tile row once. */
        long[] order = new long[64];

        Scratch(int maxLength) {
            query = new QueryTable(maxLength);
            h = new int[maxLength + 1];
            v = new int[maxLength + 1];
            lanes = LANES_AVAILABLE ? new LaneScratch(maxLength) : null;
        }

        static long bytes(int maxLength) {
            long lanes = LANES_AVAILABLE ? 4L * (maxLength + 1) * LANES + 2L * (2 * 256 + 5) * LANES : 0;
            return 4L * maxLength + 6L * 256 * QueryTable.WIDTH + 4L * QueryTable.WIDTH + 8L * (maxLength + 1) + lanes;
        }
    }

    private IntAlignment() {
    }

    static void computeRow(AffineGapKernel k, boolean local, ByteRows a, int i, ByteRows b, int jFrom, int jTo,
                           AffineGapKernel.Scratch scratch, double[] out, int outOffset) {
        Scratch s = scratch.ints;
        byte[] xs = a.data();
        int n = a.length(i);
        if (k.matrix != null) {
            k.matrix.requireKnown(xs, a.offset(i), n);
        }
        s.query.prepare(k, xs, a.offset(i), n);
        int w = jTo - jFrom;
        if (s.order.length < w) {
            s.order = new long[w];
        }
        long[] order = s.order;
        for (int j = jFrom; j < jTo; j++) {
            if (k.matrix != null) {
                k.matrix.requireKnown(b.data(), b.offset(j), b.length(j));
            }
            order[j - jFrom] = (long) b.length(j) << 32 | j;
        }
        heapSort(order, w);
        int t = 0;
        while (t < w) {
            int count = Math.min(LANES, w - t);
            if (LANES_AVAILABLE && count >= MIN_GROUP && lanesFit(k, local, n, (int) (order[t] >>> 32),
                    (int) (order[t + count - 1] >>> 32))) {
                laneGroup(k, local, a, i, b, order, t, count, scratch, out, outOffset - jFrom);
                t += count;
            } else {
                int j = (int) order[t];
                out[outOffset + j - jFrom] = pair(k, local, a, i, b, j, scratch);
                t++;
            }
        }
    }

    /** The 16-bit lanes take scores up to MAX_ABS, non-empty rows, and (nw) gap boundaries in range. */
    private static boolean lanesFit(AffineGapKernel k, boolean local, int n, int minLen, int maxLen) {
        if (k.maxAbsScore > LaneAligner.MAX_ABS || n == 0 || minLen == 0) {
            return false;
        }
        long edge = (long) k.gapOpen + (long) (Math.max(n, maxLen) - 1) * (long) k.gapExtend;
        return local || edge > LaneAligner.LOW;
    }

    private static void laneGroup(AffineGapKernel k, boolean local, ByteRows a, int i, ByteRows b, long[] order,
                                  int t, int count, AffineGapKernel.Scratch scratch, double[] out, int outBase) {
        Scratch s = scratch.ints;
        for (int c = 0; c < count; c++) {
            int j = (int) order[t + c];
            s.yOff[c] = b.offset(j);
            s.yLen[c] = b.length(j);
        }
        QueryTable q = s.query;
        LaneAligner.align(local, q, b.data(), s.yOff, s.yLen, count, (int) k.gapOpen, (int) k.gapExtend, s.lanes,
                s.laneResult, s.overflow);
        for (int c = 0; c < count; c++) {
            int j = (int) order[t + c];
            out[outBase + j] = s.overflow[c] ? pair(k, local, a, i, b, j, scratch) : s.laneResult[c];
        }
    }

    /** One pair in 32 bits, or in doubles when 32 bits could overflow. */
    private static double pair(AffineGapKernel k, boolean local, ByteRows a, int i, ByteRows b, int j,
                               AffineGapKernel.Scratch scratch) {
        int m = b.length(j);
        Scratch s = scratch.ints;
        if ((long) (s.query.length + m + 2) * k.maxAbsScore >= 1L << 30) {
            return k.compute(a, i, b, j, scratch);
        }
        return ScalarAligner.align(local, s.query, b.data(), b.offset(j), m, (int) k.gapOpen, (int) k.gapExtend,
                s.h, s.v);
    }

    /** In place, allocation-free: ascending (length, column). */
    static void heapSort(long[] x, int n) {
        for (int root = n / 2 - 1; root >= 0; root--) {
            siftDown(x, root, n);
        }
        for (int end = n - 1; end > 0; end--) {
            long top = x[0];
            x[0] = x[end];
            x[end] = top;
            siftDown(x, 0, end);
        }
    }

    private static void siftDown(long[] x, int root, int n) {
        long v = x[root];
        int r = root;
        for (int child = 2 * r + 1; child < n; child = 2 * r + 1) {
            if (child + 1 < n && x[child + 1] > x[child]) {
                child++;
            }
            if (x[child] <= v) {
                break;
            }
            x[r] = x[child];
            r = child;
        }
        x[r] = v;
    }
}
