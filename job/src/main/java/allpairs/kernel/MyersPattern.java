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
    private final long[] pv;
    private final long[] mv;
    private byte[] pattern;
    private int patternOffset;
    private int n;

    MyersPattern(int maxLength) {
        this.stride = Math.max(1, words(maxLength));
        this.peq = new long[256 * stride];
        this.pv = new long[stride];
        this.mv = new long[stride];
    }

    static int words(int length) {
        return (length + 63) >>> 6;
    }

    static long bytes(int maxLength) {
        long stride = Math.max(1, words(maxLength));
        return 8L * (256 + 2) * stride;
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
            return k >= n + m ? oneWord(ys, off, m) : oneWordBounded(ys, off, m, k);
        }
        return k >= n + m ? blocks(ys, off, m) : blocksBounded(ys, off, m, k);
    }

    /** The pattern fits one word: the plain Myers loop, about 17 operations per column. */
    private int oneWord(byte[] ys, int off, int m) {
        final long[] eqs = peq;
        final int s = stride;
        final int high = n - 1;
        long vp = -1L;
        long vn = 0;
        int score = n;
        for (int j = 0; j < m; j++) {
            long eq = eqs[(ys[off + j] & 0xff) * s];
            long xv = eq | vn;
            long xh = (((eq & vp) + vp) ^ vp) | eq;
            long hp = vn | ~(xh | vp);
            long hn = vp & xh;
            score += (int) ((hp >>> high) & 1) - (int) ((hn >>> high) & 1);
            hp = (hp << 1) | 1; // row 0 of a global alignment: D[0][j] - D[0][j-1] = +1
            hn <<= 1;
            vp = hn | ~(xv | hp);
            vn = hp & xv;
        }
        return score;
    }

    /**
     * As {@link #oneWord}, stopping once the cell on the end cell's diagonal exceeds k: values never
     * decrease along a diagonal (Ukkonen), so the result would too. That cell, D[r][j] with
     * r = j + n - m, is D[0][j] plus the vertical deltas of rows 1..r: two popcounts per column.
     */
    private int oneWordBounded(byte[] ys, int off, int m, int k) {
        final int high = n - 1;
        long vp = -1L;
        long vn = 0;
        int score = n;
        int r = 1 + n - m; // the diagonal's row in column 1
        long above = r <= 0 ? 0 : r >= 64 ? -1L : (1L << r) - 1; // bits of rows 1..r
        for (int j = 0; j < m; j++, r++) {
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

    /** Longer patterns: one word per 64 rows, each column passing the horizontal delta down. */
    private int blocks(byte[] ys, int off, int m) {
        final int last = words(n) - 1;
        final int high = (n - 1) & 63;
        for (int w = 0; w <= last; w++) {
            pv[w] = -1L;
            mv[w] = 0;
        }
        int score = n;
        for (int j = 0; j < m; j++) {
            score += column(ys[off + j] & 0xff, last, high);
        }
        return score;
    }

    /** As {@link #blocks}, checking the end cell's diagonal (as {@link #oneWordBounded}) every 8 columns. */
    private int blocksBounded(byte[] ys, int off, int m, int k) {
        final int last = words(n) - 1;
        final int high = (n - 1) & 63;
        for (int w = 0; w <= last; w++) {
            pv[w] = -1L;
            mv[w] = 0;
        }
        int score = n;
        for (int j = 0; j < m; j++) {
            score += column(ys[off + j] & 0xff, last, high);
            int r = j + 1 + n - m;
            if ((j & 7) == 7 && r >= 0) {
                int diagonal = score - deltasBelow(r);
                if (diagonal > k) {
                    return diagonal;
                }
            }
        }
        return score;
    }

    /** Sum of the vertical deltas of rows r+1..n: D[n][j] - D[r][j]. */
    private int deltasBelow(int r) {
        int sum = 0;
        int w = r >>> 6;
        long mask = -1L << (r & 63); // bits r.. of word w (bits past n are cut below)
        final int last = words(n) - 1;
        for (; w <= last; w++, mask = -1L) {
            if (w == last) {
                mask &= -1L >>> (63 - ((n - 1) & 63));
            }
            sum += Long.bitCount(pv[w] & mask) - Long.bitCount(mv[w] & mask);
        }
        return sum;
    }

    /** Advances every block by one text symbol; returns the change of D[n][j]. */
    private int column(int symbol, int last, int high) {
        final int base = symbol * stride;
        long hin = 1; // +1 into the top row: hp's carry-in bit; hn's stays 0 unless the delta is -1
        long hinNeg = 0;
        for (int w = 0; ; w++) {
            long eq = peq[base + w];
            long vp = pv[w];
            long vn = mv[w];
            long xv = eq | vn;
            eq |= hinNeg;
            long xh = (((eq & vp) + vp) ^ vp) | eq;
            long hp = vn | ~(xh | vp);
            long hn = vp & xh;
            if (w == last) {
                int delta = (int) ((hp >>> high) & 1) - (int) ((hn >>> high) & 1);
                hp = (hp << 1) | hin;
                hn = (hn << 1) | hinNeg;
                pv[w] = hn | ~(xv | hp);
                mv[w] = hp & xv;
                return delta;
            }
            long outPos = hp >>> 63; // hp and hn never share a bit: one delta per cell
            long outNeg = hn >>> 63;
            hp = (hp << 1) | hin;
            hn = (hn << 1) | hinNeg;
            pv[w] = hn | ~(xv | hp);
            mv[w] = hp & xv;
            hin = outPos;
            hinNeg = outNeg;
        }
    }
}
