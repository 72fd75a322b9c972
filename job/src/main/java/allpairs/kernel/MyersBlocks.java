package allpairs.kernel;

/**
 * The multi-word loops of {@link MyersPattern} (Hyyrö's blocks): a pattern longer than 64 is one
 * word per 64 rows, and each text symbol advances the words from the top, passing the horizontal
 * delta (+1, 0 or -1) of each word's last row into the next word as a carry. Owns the vertical
 * delta words (pv: +1, mv: -1); the pattern's masks are passed in.
 */
final class MyersBlocks {
    /** Arrays of one word per 64 rows held here (pv, mv), for the scratch size. */
    static final int WORD_ARRAYS = 2;
    private final long[] pv;
    private final long[] mv;

    MyersBlocks(int words) {
        this.pv = new long[words];
        this.mv = new long[words];
    }

    /** Patterns of 65..128 rows: {@link #column} for two words, the state in locals. */
    static int twoWords(long[] eqs, int s, int n, byte[] ys, int off, int m) {
        return twoWordsFrom(eqs, s, n, ys, off, m, -1L, 0, -1L, 0, n);
    }

    /** {@link #twoWords} from a column state (vp0, vn0, vp1, vn1, score): column 0 is (-1, 0, -1, 0, n). */
    static int twoWordsFrom(long[] eqs, int s, int n, byte[] ys, int off, int m, long vp0, long vn0,
                                    long vp1, long vn1, int score) {
        final int high = (n - 1) & 63;
        for (int j = 0; j < m; j++) {
            int base = (ys[off + j] & 0xff) * s;
            long eq0 = eqs[base];
            long eq1 = eqs[base + 1];
            long xv0 = eq0 | vn0;
            long xh0 = (((eq0 & vp0) + vp0) ^ vp0) | eq0;
            long hp0 = vn0 | ~(xh0 | vp0);
            long hn0 = vp0 & xh0;
            long carryPos = hp0 >>> 63;
            long carryNeg = hn0 >>> 63;
            hp0 = (hp0 << 1) | 1;
            hn0 <<= 1;
            vp0 = hn0 | ~(xv0 | hp0);
            vn0 = hp0 & xv0;
            long xv1 = eq1 | vn1;
            eq1 |= carryNeg;
            long xh1 = (((eq1 & vp1) + vp1) ^ vp1) | eq1;
            long hp1 = vn1 | ~(xh1 | vp1);
            long hn1 = vp1 & xh1;
            score += (int) ((hp1 >>> high) & 1) - (int) ((hn1 >>> high) & 1);
            hp1 = (hp1 << 1) | carryPos;
            hn1 = (hn1 << 1) | carryNeg;
            vp1 = hn1 | ~(xv1 | hp1);
            vn1 = hp1 & xv1;
        }
        return score;
    }

    /** Longer patterns: one word per 64 rows, each column passing the horizontal delta down. */
    int exact(long[] peq, int stride, int n, byte[] ys, int off, int m) {
        final int last = MyersPattern.words(n) - 1;
        final int high = (n - 1) & 63;
        for (int w = 0; w <= last; w++) {
            pv[w] = -1L;
            mv[w] = 0;
        }
        int score = n;
        for (int j = 0; j < m; j++) {
            score += column(peq, (ys[off + j] & 0xff) * stride, last, high);
        }
        return score;
    }

    /** As {@link #exact}, checking the end cell's diagonal (as {@link MyersPattern}'s one-word loop) every 8 columns. */
    int bounded(long[] peq, int stride, int n, byte[] ys, int off, int m, int k) {
        final int last = MyersPattern.words(n) - 1;
        final int high = (n - 1) & 63;
        for (int w = 0; w <= last; w++) {
            pv[w] = -1L;
            mv[w] = 0;
        }
        int score = n;
        for (int j = 0; j < m; j++) {
            score += column(peq, (ys[off + j] & 0xff) * stride, last, high);
            int r = j + 1 + n - m;
            if ((j & 7) == 7 && r >= 0) {
                int diagonal = score - deltasBelow(n, r);
                if (diagonal > k) {
                    return diagonal;
                }
            }
        }
        return score;
    }

    /** Sum of the vertical deltas of rows r+1..n: D[n][j] - D[r][j]. */
    private int deltasBelow(int n, int r) {
        int sum = 0;
        int w = r >>> 6;
        long mask = -1L << (r & 63); // bits r.. of word w (bits past n are cut below)
        final int last = MyersPattern.words(n) - 1;
        for (; w <= last; w++, mask = -1L) {
            if (w == last) {
                mask &= -1L >>> (63 - ((n - 1) & 63));
            }
            sum += Long.bitCount(pv[w] & mask) - Long.bitCount(mv[w] & mask);
        }
        return sum;
    }

    /** Advances every block by one text symbol; returns the change of D[n][j]. */
    private int column(long[] peq, int base, int last, int high) {
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
