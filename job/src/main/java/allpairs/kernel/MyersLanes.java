package allpairs.kernel;

/**
 * Myers' loop on SIMD lanes for patterns of up to two words (n <= 128), unbounded: one text (column
 * row) per 64-bit lane, so a group of {@link #LANES} pairs advances together, the same word
 * operations per lane as the scalar loops (identical results). Per chunk of {@link #CHUNK} text
 * columns, each lane's mask words are looked up once (scalar) into a column-major table the vector
 * loop then reads with plain loads ({@link MyersLaneLoops}). Texts longer than the group's shortest
 * finish one by one on the scalar loop, from their lane's state.
 *
 * <p>Used only when the JVM has {@code jdk.incubator.vector}; this class never names a Vector API
 * type, so a JVM without the module loads it, reads {@link #AVAILABLE} false, and never loads the
 * loops. {@code -Dallpairs.levenshtein.scalar=true} turns the lanes off (for comparisons).
 */
final class MyersLanes {
    static final boolean AVAILABLE = VectorSupport.PRESENT
            && !Boolean.getBoolean("allpairs.levenshtein.scalar");
    /** Texts per group (0 without the module). */
    static final int LANES = AVAILABLE ? MyersLaneLoops.LANES : 0;
    /** Text columns per chunk: the chunk's mask table (2 × 64 × LANES words) stays in L1. */
    static final int CHUNK = 64;
    /** Text columns per chunk with a bound: most pairs stop within a few columns, so look up few ahead. */
    static final int BOUNDED_CHUNK = 12;
    /** State words per lane: vp0, vn0, score, vp1, vn1 (bounded: vp, vn, score, diag, row). */
    private static final int STATE = 5;

    private final long[] eq0 = new long[CHUNK * LANES];
    private final long[] eq1 = new long[CHUNK * LANES];
    private final long[] state = new long[STATE * LANES];
    private final int[] offset = new int[LANES];

    MyersLanes() {
        VectorSupport.warm(); // before this JVM's first lane operation
    }

    /** Bytes of one instance (0 without the module: none is made). */
    static long bytes() {
        return AVAILABLE ? 8L * (2 * CHUNK + STATE) * LANES + 4L * LANES : 0;
    }

    /**
     * The distances of p's pattern (1..128 long, masks peq with {@code stride} words per symbol)
     * against rows j .. j+LANES-1 of y into out[at ..]; false (nothing written) when one is empty.
     */
    boolean group(MyersPattern p, long[] peq, int stride, int n, ByteRows y, int j, double[] out, int at) {
        final int l = LANES;
        int common = Integer.MAX_VALUE;
        for (int lane = 0; lane < l; lane++) {
            common = Math.min(common, y.length(j + lane));
            offset[lane] = y.offset(j + lane);
        }
        if (common == 0) {
            return false;
        }
        for (int lane = 0; lane < l; lane++) {
            state[lane] = -1L;
            state[l + lane] = 0;
            state[2 * l + lane] = n;
            state[3 * l + lane] = -1L;
            state[4 * l + lane] = 0;
        }
        final byte[] ys = y.data();
        final int high = (n - 1) & 63;
        for (int c = 0; c < common; c += CHUNK) {
            int len = Math.min(CHUNK, common - c);
            if (n <= 64) {
                lookUpOneWord(peq, stride, ys, c, len);
                MyersLaneLoops.oneWord(eq0, len, high, state);
            } else {
                lookUpTwoWords(peq, stride, ys, c, len);
                MyersLaneLoops.twoWords(eq0, eq1, len, high, state);
            }
        }
        for (int lane = 0; lane < l; lane++) {
            int rest = y.length(j + lane) - common;
            int score = (int) state[2 * l + lane];
            if (rest > 0) {
                int from = offset[lane] + common;
                score = n <= 64 ? p.oneWordFrom(state[lane], state[l + lane], score, ys, from, rest)
                        : MyersBlocks.twoWordsFrom(peq, stride, n, ys, from, rest, state[lane], state[l + lane],
                        state[3 * l + lane], state[4 * l + lane], score);
            }
            out[at + lane] = score;
        }
        return true;
    }

    /**
     * {@link #group} with a bound k for a one-word pattern (n <= 64): a lane stops counting once its end
     * cell's diagonal exceeds k (that value is its result, any value beyond k being allowed), and the
     * group stops once every lane has; texts longer than the shortest finish on the scalar bounded loop.
     */
    boolean groupBounded(MyersPattern p, long[] peq, int stride, int n, ByteRows y, int j, int k, double[] out,
                         int at) {
        final int l = LANES;
        int common = Integer.MAX_VALUE;
        for (int lane = 0; lane < l; lane++) {
            int m = y.length(j + lane);
            common = Math.min(common, m);
            offset[lane] = y.offset(j + lane);
            state[lane] = -1L;
            state[l + lane] = 0;
            state[2 * l + lane] = n;
            state[3 * l + lane] = Math.abs(n - m); // D on the diagonal where it enters the table
            state[4 * l + lane] = n - m; // its row at column 0
        }
        if (common == 0) {
            return false;
        }
        final byte[] ys = y.data();
        int done = 0;
        while (done < common) {
            int len = Math.min(BOUNDED_CHUNK, common - done);
            lookUpOneWord(peq, stride, ys, done, len);
            int ran = MyersLaneLoops.oneWordBounded(eq0, len, n - 1, k, state);
            done += ran;
            if (ran < len) {
                break; // every lane is beyond k
            }
        }
        for (int lane = 0; lane < l; lane++) {
            int m = y.length(j + lane);
            long diag = state[3 * l + lane];
            out[at + lane] = diag > k ? diag : m == done ? state[2 * l + lane]
                    : p.oneWordBoundedFrom(state[lane], state[l + lane], (int) state[2 * l + lane], ys, offset[lane], m,
                    done, k);
        }
        return true;
    }

    /** eq0[jj * LANES + lane] = the pattern's mask for lane's text symbol at column c + jj. */
    private void lookUpOneWord(long[] peq, int stride, byte[] ys, int c, int len) {
        final int l = LANES;
        for (int lane = 0; lane < l; lane++) {
            final int from = offset[lane] + c;
            for (int jj = 0; jj < len; jj++) {
                eq0[jj * l + lane] = peq[(ys[from + jj] & 0xff) * stride];
            }
        }
    }

    /** {@link #lookUpOneWord} for both words (eq0 and eq1). */
    private void lookUpTwoWords(long[] peq, int stride, byte[] ys, int c, int len) {
        final int l = LANES;
        for (int lane = 0; lane < l; lane++) {
            final int from = offset[lane] + c;
            for (int jj = 0; jj < len; jj++) {
                final int at = (ys[from + jj] & 0xff) * stride;
                eq0[jj * l + lane] = peq[at];
                eq1[jj * l + lane] = peq[at + 1];
            }
        }
    }
}
