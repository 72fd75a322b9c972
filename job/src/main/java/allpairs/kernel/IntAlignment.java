package allpairs.kernel;

/**
 * {@code nw}/{@code sw}'s {@link Kernel#computeRow} when every score is an integer: the query row
 * is prepared once ({@link QueryTable}), the columns are sorted by length and aligned in SIMD lanes,
 * longest first: sw in {@link #BYTE_LANES} 8-bit lanes ({@link ByteLaneAligner}), each lane taking
 * the next column when its own ends; nw (and sw whose scores do not fit 8 bits) in
 * {@link LaneAligner#LANES} 16-bit lanes, refilled the same way. A lane that overflowed 8 bits is
 * recomputed in 16; one that overflowed 16 bits, and any pair the lanes cannot take (scores too
 * large, fewer than {@link #MIN_GROUP} columns, no Vector API), runs the 32-bit
 * {@link ScalarAligner}, or the double DP when even 32 bits could overflow.
 * Every path gives the exact integer score, so the values are those of {@link Kernel#compute}.
 */
final class IntAlignment {
    /**
     * True when {@code jdk.incubator.vector} is in the boot layer ({@code --add-modules}) and not
     * turned off with {@code -Dallpairs.simd=false}; LaneAligner is loaded only then.
     */
    static final boolean LANES_AVAILABLE = VectorSupport.PRESENT
            && !"false".equals(System.getProperty("allpairs.simd"));
    static final int LANES = LANES_AVAILABLE ? LaneAligner.LANES : 0;
    /** The 8-bit lanes (sw with small scores); 0 without the Vector API. */
    static final int BYTE_LANES = LANES_AVAILABLE ? ByteLaneAligner.LANES : 0;
    private static final int MOST_LANES = Math.max(1, Math.max(LANES, BYTE_LANES));
    /** Fewer columns than this left in a group: lanes would mostly idle; align them one by one. */
    static final int MIN_GROUP = Math.max(2, LANES / 4);

    /** The 16-bit lanes' arrays: H and E interleaved per query position (LANES each), the slots, the profile. */
    static final class LaneScratch {
        final short[] h;
        final short[] slots = new short[LaneAligner.SLOTS];
        final short[] columnCodes = new short[LANES];
        final short[] profile = new short[256 * LANES];
        /** Each lane's row (index into the caller's columns, -1 idle) and position in it. */
        final int[] laneRow = new int[LANES];
        final int[] lanePos = new int[LANES];
        /** The next row to hand out, kept in an array so the refill step can advance it. */
        final int[] next = new int[1];

        LaneScratch(int maxLength) {
            VectorSupport.warm();
            h = new short[2 * (maxLength + 1) * LANES];
        }
    }

    /** The 8-bit lanes' arrays, laid out as LaneScratch's. */
    static final class ByteScratch {
        final byte[] h;
        final byte[] slots = new byte[ByteLaneAligner.SLOTS];
        final byte[] columnCodes = new byte[BYTE_LANES];
        final byte[] profile = new byte[256 * BYTE_LANES];
        /** Each lane's row (index into the caller's columns, -1 idle) and position in it. */
        final int[] laneRow = new int[BYTE_LANES];
        final int[] lanePos = new int[BYTE_LANES];

        ByteScratch(int maxLength) {
            VectorSupport.warm();
            h = new byte[2 * (maxLength + 1) * BYTE_LANES];
        }
    }

    /** Everything the integer paths reuse across a partition. */
    static final class Scratch {
        final QueryTable query;
        final int[] h;
        final int[] v;
        final LaneScratch lanes;
        final ByteScratch bytes;
        /**
         * The tile row's columns: (length << 32 | column) sorted, then the columns in lane order with
         * their offsets, lengths and lane results, and those the 8-bit lanes hand back to 16 bits.
         * Grown to the widest tile row once.
         */
        long[] order = new long[0];
        int[] cols = new int[0];
        int[] colOff = new int[0];
        int[] colLen = new int[0];
        int[] colResult = new int[0];
        boolean[] colOverflow = new boolean[0];
        int[] redo = new int[0];

        void ensureWidth(int w) {
            if (order.length < w) {
                int size = Math.max(w, MOST_LANES);
                order = new long[size];
                cols = new int[size];
                colOff = new int[size];
                colLen = new int[size];
                colResult = new int[size];
                colOverflow = new boolean[size];
                redo = new int[size];
            }
        }

        Scratch(int maxLength) {
            query = new QueryTable(maxLength);
            h = new int[maxLength + 1];
            v = new int[maxLength + 1];
            lanes = LANES_AVAILABLE ? new LaneScratch(maxLength) : null;
            bytes = LANES_AVAILABLE ? new ByteScratch(maxLength) : null;
        }

        static long bytes(int maxLength) {
            long lanes = LANES_AVAILABLE ? 4L * (maxLength + 1) * LANES + 2L * (2 * 256 + 5) * LANES
                    + 2L * (maxLength + 1) * BYTE_LANES + (2 * 256 + 4 + 8) * BYTE_LANES : 0;
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
        s.ensureWidth(w);
        long[] order = s.order;
        for (int j = jFrom; j < jTo; j++) {
            if (k.matrix != null) {
                k.matrix.requireKnown(b.data(), b.offset(j), b.length(j));
            }
            order[j - jFrom] = (long) b.length(j) << 32 | j;
        }
        heapSort(order, w);
        int start = 0;
        for (; start < w && order[start] >>> 32 == 0; start++) { // empty columns: nothing for lanes to do
            out[outOffset + (int) order[start] - jFrom] = pair(k, local, a, i, b, (int) order[start], scratch);
        }
        if (local && BYTE_LANES > 0 && s.query.shuffled8 && k.maxAbsScore <= ByteLaneAligner.MAX_ABS
                && w - start >= MIN_GROUP && lanesFit(k, true, n, 0)) {
            byteRow(k, a, i, b, order, start, w, scratch, out, outOffset - jFrom);
            return;
        }
        // Longest first; columns too long for the 16-bit lanes' boundaries (nw) go one by one.
        int end = w;
        while (end > start && !(LANES_AVAILABLE && lanesFit(k, local, n, (int) (order[end - 1] >>> 32)))) {
            end--;
            out[outOffset + (int) order[end] - jFrom] = pair(k, local, a, i, b, (int) order[end], scratch);
        }
        int count = end - start;
        for (int c = 0; c < count; c++) {
            s.cols[c] = (int) order[end - 1 - c];
        }
        wordLanes(k, local, a, i, b, s.cols, count, scratch, out, outOffset - jFrom);
    }

    /** The 16-bit lanes take scores up to MAX_ABS, a non-empty query, and (nw) gap boundaries in range. */
    private static boolean lanesFit(AffineGapKernel k, boolean local, int n, int maxLen) {
        if (k.maxAbsScore > LaneAligner.MAX_ABS || n == 0) {
            return false;
        }
        long edge = (long) k.gapOpen + (long) (Math.max(n, maxLen) - 1) * (long) k.gapExtend;
        return local || edge > LaneAligner.LOW;
    }

    /**
     * sw in 8-bit lanes over the sorted columns order[start, w), longest first, each lane taking the
     * next column as soon as its own ends; the lanes that overflowed again in 16 bits.
     */
    private static void byteRow(AffineGapKernel k, ByteRows a, int i, ByteRows b, long[] order, int start, int w,
                                AffineGapKernel.Scratch scratch, double[] out, int outBase) {
        Scratch s = scratch.ints;
        int count = w - start;
        for (int c = 0; c < count; c++) {
            int j = (int) order[w - 1 - c];
            s.cols[c] = j;
            s.colOff[c] = b.offset(j);
            s.colLen[c] = b.length(j);
        }
        ByteLaneAligner.align(s.query, b.data(), s.colOff, s.colLen, count, (int) k.gapOpen, (int) k.gapExtend,
                k.maxAbsScore, s.bytes, s.colResult, s.colOverflow);
        int redo = 0;
        for (int c = 0; c < count; c++) {
            if (s.colOverflow[c]) {
                s.redo[redo++] = s.cols[c]; // still longest first
            } else {
                out[outBase + s.cols[c]] = s.colResult[c];
            }
        }
        wordLanes(k, true, a, i, b, s.redo, redo, scratch, out, outBase);
    }

    /**
     * The columns cols[0, count) (longest first) in refilled 16-bit lanes, or one by one when fewer
     * than MIN_GROUP; the lanes that overflowed 16 bits in 32.
     */
    private static void wordLanes(AffineGapKernel k, boolean local, ByteRows a, int i, ByteRows b, int[] cols,
                                  int count, AffineGapKernel.Scratch scratch, double[] out, int outBase) {
        if (count < MIN_GROUP) {
            for (int c = 0; c < count; c++) {
                out[outBase + cols[c]] = pair(k, local, a, i, b, cols[c], scratch);
            }
            return;
        }
        Scratch s = scratch.ints;
        for (int c = 0; c < count; c++) {
            s.colOff[c] = b.offset(cols[c]);
            s.colLen[c] = b.length(cols[c]);
        }
        LaneAligner.align(local, s.query, b.data(), s.colOff, s.colLen, count, (int) k.gapOpen, (int) k.gapExtend,
                s.lanes, s.colResult, s.colOverflow);
        for (int c = 0; c < count; c++) {
            int j = cols[c];
            out[outBase + j] = s.colOverflow[c] ? pair(k, local, a, i, b, j, scratch) : s.colResult[c];
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
