package allpairs.kernel;

/**
 * Bit-parallel unit-cost edit distance (Myers 1999, in Hyyrö's block formulation) against one
 * prepared pattern: the scratch of {@link LevenshteinKernel}. {@link #prepare} builds the pattern's
 * match masks ("peq": for each byte value, the bits of the pattern positions holding it) once, every
 * {@link #distance} call then streams one text over them, 64 DP cells per word operation, and
 * {@link #release} clears exactly the mask words {@link #prepare} set, so nothing is allocated or
 * swept per pair.
 *
 * <p>Bit r of the vertical delta words (pv: +1, mv: -1) is D[r+1][j] - D[r][j] for the current
 * column j. Bits at and above the pattern length are padding: information in a DP column only flows
 * down (to higher bits), so they never change the rows above them, and the score is read at row n.
 */
final class MyersPattern {
    /** Words per byte value in {@link #peq}: enough for the longest row. */
    private final int stride;
    /** peq[symbol * stride + w]: bit b set when pattern[64 w + b] == symbol. */
    private final long[] peq;
    /** The vertical delta words of patterns longer than 64. */
    private final MyersBlocks blocks;
    /** The SIMD lanes for unbounded patterns of up to 128 (null without the Vector API module). */
    private final MyersLanes lanes;
    private byte[] pattern;
    private int patternOffset;
    private int n;

    MyersPattern(int maxLength) {
        this.stride = Math.max(1, words(maxLength));
        this.peq = new long[256 * stride];
        this.blocks = new MyersBlocks(stride);
        this.lanes = MyersLanes.AVAILABLE ? new MyersLanes() : null;
    }

    static int words(int length) {
        return (length + 63) >>> 6;
    }

    static long bytes(int maxLength) {
        long stride = Math.max(1, words(maxLength));
        return 8L * (256 + MyersBlocks.WORD_ARRAYS) * stride + MyersLanes.bytes();
    }

    /** Sets the pattern to xs[off .. off+len): its masks are built here, once for every text. */
    void prepare(byte[] xs, int off, int len) {
        pattern = xs;
        patternOffset = off;
        n = len;
        for (int p = 0; p < len; p++) {
            peq[(xs[off + p] & 0xff) * stride + (p >>> 6)] |= 1L << p;
        }
    }

    /** Clears the mask words {@link #prepare} set (and only those). */
    void release() {
        for (int p = 0; p < n; p++) {
            peq[(pattern[patternOffset + p] & 0xff) * stride + (p >>> 6)] = 0;
        }
        pattern = null;
        n = 0;
    }

    /**
     * {@link #distance} of the pattern against rows jFrom .. jTo-1 of y, into out[at ..]. Unbounded
     * patterns of one or two words take the columns a group of SIMD lanes at a time ({@link MyersLanes})
     * where the JVM has them; the rest of a one-word pattern's columns two at a time: their dependency
     * chains are independent, so the CPU overlaps them (one column alone waits on about 8 dependent
     * operations per symbol).
     */
    void distances(ByteRows y, int jFrom, int jTo, int k, double[] out, int at) {
        byte[] ys = y.data();
        int j = jFrom;
        if (n >= 1 && n <= 128 && k == Integer.MAX_VALUE && lanes != null) {
            for (; j + MyersLanes.LANES <= jTo; j += MyersLanes.LANES) {
                if (!lanes.group(this, peq, stride, n, y, j, out, at + j - jFrom)) {
                    for (int e = j; e < j + MyersLanes.LANES; e++) { // a group with an empty row: one by one
                        out[at + e - jFrom] = distance(ys, y.offset(e), y.length(e), k);
                    }
                }
            }
        }
        if (n >= 1 && n <= 64 && k < Integer.MAX_VALUE && lanes != null) {
            for (; j + MyersLanes.LANES <= jTo; j += MyersLanes.LANES) {
                if (!lanes.groupBounded(this, peq, stride, n, y, j, k, out, at + j - jFrom)) {
                    for (int e = j; e < j + MyersLanes.LANES; e++) { // a group with an empty row: one by one
                        out[at + e - jFrom] = distance(ys, y.offset(e), y.length(e), k);
                    }
                }
            }
        }
        if (n >= 1 && n <= 64 && k == Integer.MAX_VALUE) {
            for (; j + 1 < jTo; j += 2) {
                int ma = y.length(j);
                int mb = y.length(j + 1);
                if (ma == 0 || mb == 0) {
                    out[at + j - jFrom] = distance(ys, y.offset(j), ma, k);
                    out[at + j + 1 - jFrom] = distance(ys, y.offset(j + 1), mb, k);
                } else {
                    oneWordTwice(ys, y.offset(j), ma, y.offset(j + 1), mb, out, at + j - jFrom);
                }
            }
        }
        for (; j < jTo; j++) {
            out[at + j - jFrom] = distance(ys, y.offset(j), y.length(j), k);
        }
    }

    /**
     * The edit distance between the pattern and ys[off .. off+m) when it is at most {@code k};
     * otherwise some value greater than {@code k} (Integer.MAX_VALUE asks for the exact value).
     */
    int distance(byte[] ys, int off, int m, int k) {
        if (n == 0 || m == 0) {
            return n + m;
        }
        if (Math.abs(n - m) > k) {
            return Math.abs(n - m); // a lower bound, already beyond k
        }
        if (n <= 64) {
            return k >= n + m ? oneWordFrom(-1L, 0, n, ys, off, m) : oneWordBounded(ys, off, m, k);
        }
        if (n <= 128 && k >= n + m) {
            return MyersBlocks.twoWords(peq, stride, n, ys, off, m);
        }
        return k >= n + m ? blocks.exact(peq, stride, n, ys, off, m) : blocks.bounded(peq, stride, n, ys, off, m, k);
    }

    /** {@link #oneWordFrom} for two texts (both non-empty) side by side; the longer one finishes alone. */
    private void oneWordTwice(byte[] ys, int offA, int ma, int offB, int mb, double[] out, int at) {
        final long[] eqs = peq;
        final int s = stride;
        final int high = n - 1;
        long vpA = -1L;
        long vnA = 0;
        long vpB = -1L;
        long vnB = 0;
        int scoreA = n;
        int scoreB = n;
        final int common = Math.min(ma, mb);
        for (int j = 0; j < common; j++) {
            long eqA = eqs[(ys[offA + j] & 0xff) * s];
            long eqB = eqs[(ys[offB + j] & 0xff) * s];
            long xvA = eqA | vnA;
            long xvB = eqB | vnB;
            long xhA = (((eqA & vpA) + vpA) ^ vpA) | eqA;
            long xhB = (((eqB & vpB) + vpB) ^ vpB) | eqB;
            long hpA = vnA | ~(xhA | vpA);
            long hpB = vnB | ~(xhB | vpB);
            long hnA = vpA & xhA;
            long hnB = vpB & xhB;
            scoreA += (int) ((hpA >>> high) & 1) - (int) ((hnA >>> high) & 1);
            scoreB += (int) ((hpB >>> high) & 1) - (int) ((hnB >>> high) & 1);
            hpA = (hpA << 1) | 1;
            hpB = (hpB << 1) | 1;
            hnA <<= 1;
            hnB <<= 1;
            vpA = hnA | ~(xvA | hpA);
            vpB = hnB | ~(xvB | hpB);
            vnA = hpA & xvA;
            vnB = hpB & xvB;
        }
        out[at] = ma == common ? scoreA : oneWordFrom(vpA, vnA, scoreA, ys, offA + common, ma - common);
        out[at + 1] = mb == common ? scoreB : oneWordFrom(vpB, vnB, scoreB, ys, offB + common, mb - common);
    }

    /**
     * The plain Myers loop for a one-word pattern (about 17 operations per symbol), from a column
     * state: vp = -1, vn = 0, score = n at column 0.
     */
    int oneWordFrom(long vp, long vn, int score, byte[] ys, int off, int len) {
        final int high = n - 1;
        for (int j = 0; j < len; j++) {
            long eq = peq[(ys[off + j] & 0xff) * stride];
            long xv = eq | vn;
            long xh = (((eq & vp) + vp) ^ vp) | eq;
            long hp = vn | ~(xh | vp);
            long hn = vp & xh;
            score += (int) ((hp >>> high) & 1) - (int) ((hn >>> high) & 1);
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | ~(xv | hp);
            vn = hp & xv;
        }
        return score;
    }

    /**
     * As {@link #oneWordFrom}, stopping once the cell on the end cell's diagonal exceeds k: values never
     * decrease along a diagonal (Ukkonen), so the result would too. That cell, D[r][j] with
     * r = j + n - m, is D[0][j] plus the vertical deltas of rows 1..r: two popcounts per column.
     */
    private int oneWordBounded(byte[] ys, int off, int m, int k) {
        return oneWordBoundedFrom(-1L, 0, n, ys, off, m, 0, k);
    }

    /** {@link #oneWordBounded} from the state (vp, vn, score) after the text's first j0 columns. */
    int oneWordBoundedFrom(long vp, long vn, int score, byte[] ys, int off, int m, int j0, int k) {
        final int high = n - 1;
        int r = j0 + 1 + n - m; // the diagonal's row in column j0 + 1
        long above = r <= 0 ? 0 : r >= 64 ? -1L : (1L << r) - 1; // bits of rows 1..r
        for (int j = j0; j < m; j++, r++) {
            long eq = peq[(ys[off + j] & 0xff) * stride];
            long xv = eq | vn;
            long xh = (((eq & vp) + vp) ^ vp) | eq;
            long hp = vn | ~(xh | vp);
            long hn = vp & xh;
            score += (int) ((hp >>> high) & 1) - (int) ((hn >>> high) & 1);
            hp = (hp << 1) | 1;
            hn <<= 1;
            vp = hn | ~(xv | hp);
            vn = hp & xv;
            if (r >= 0) {
                int diagonal = j + 1 + Long.bitCount(vp & above) - Long.bitCount(vn & above);
                if (diagonal > k) {
                    return diagonal;
                }
                above = (above << 1) | 1;
            }
        }
        return score;
    }
}
