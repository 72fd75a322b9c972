package allpairs.kernel;

import java.util.Arrays;

/**
 * One query row prepared for the integer paths, once per tile row: its symbols renumbered
 * 0..K-1 (K distinct symbols) and, for each, the integer score against every byte value, so the
 * DP looks a score up as table[code * WIDTH + byte]. Column WIDTH - 1 (byte "256") scores 0: the
 * lanes past the end of a shorter column row. Reused: sized once for the longest row.
 */
final class QueryTable {
    static final int WIDTH = 257;

    final int[] codes;
    final int[] table = new int[256 * WIDTH];
    final short[] table16 = new short[256 * WIDTH];
    /**
     * The lanes' shuffled profile: each column byte's code c (WIDTH - 1: past the end of a row) and,
     * per query code a, the scores laneRows[a * LANES + c]; set when the codes fit in one vector.
     */
    final int[] columnCode = new int[WIDTH];
    final short[] laneRows = new short[256 * Math.max(1, IntAlignment.LANES)];
    /** laneRows for the 8-bit lanes (sw), under the same codes: laneRows8[a * BYTE_LANES + c]. */
    final byte[] laneRows8 = new byte[256 * Math.max(1, IntAlignment.BYTE_LANES)];
    boolean shuffled;
    boolean shuffled8;
    private final int[] codeOf = new int[256];
    private final int[] symbolOf = new int[256];
    int length;
    int symbols;

    QueryTable(int maxLength) {
        codes = new int[Math.max(1, maxLength)];
    }

    /** Prepares x = xs[off, off + n) under the kernel's scores (integral, matrix symbols checked). */
    void prepare(AffineGapKernel k, byte[] xs, int off, int n) {
        Arrays.fill(codeOf, -1);
        int kx = 0;
        for (int p = 0; p < n; p++) {
            int b = xs[off + p] & 0xff;
            if (codeOf[b] < 0) {
                symbolOf[kx] = b;
                codeOf[b] = kx++;
            }
            codes[p] = codeOf[b];
        }
        length = n;
        symbols = kx;
        SubstitutionMatrix m = k.matrix;
        for (int a = 0; a < kx; a++) {
            int sym = symbolOf[a];
            int rowCode = m == null ? -1 : m.code((byte) sym);
            for (int b = 0; b < 256; b++) {
                int s;
                if (m == null) {
                    s = (int) (sym == b ? k.match : k.mismatch);
                } else {
                    int c = m.code((byte) b);
                    s = c < 0 ? 0 : (int) m.score(rowCode, c); // bytes without a code never reach the DP
                }
                table[a * WIDTH + b] = s;
                table16[a * WIDTH + b] = (short) s;
            }
            table[a * WIDTH + 256] = 0;
            table16[a * WIDTH + 256] = 0;
        }
        prepareLaneRows(k);
    }

    /**
     * Column codes: the matrix's (match/mismatch: the query's, one more for the bytes it lacks), then
     * one for "past the end". laneRows repeats table16 under these codes, so one vector holds a query
     * symbol's scores against every column symbol and a rearrange builds the profile (LaneAligner).
     */
    private void prepareLaneRows(AffineGapKernel k) {
        SubstitutionMatrix m = k.matrix;
        int pad = m == null ? symbols + 1 : m.size();
        int lanes = IntAlignment.LANES;
        int lanes8 = IntAlignment.BYTE_LANES;
        shuffled = pad < lanes;
        shuffled8 = pad < lanes8;
        if (!shuffled && !shuffled8) {
            return;
        }
        for (int b = 0; b <= 256; b++) {
            int c = b == 256 ? pad : m == null ? (codeOf[b] < 0 ? symbols : codeOf[b]) : m.code((byte) b);
            columnCode[b] = Math.max(c, 0); // bytes without a code never reach the DP
            for (int a = 0; c >= 0 && a < symbols; a++) {
                short score = table16[a * WIDTH + b];
                if (shuffled) {
                    laneRows[a * lanes + c] = score;
                }
                laneRows8[a * lanes8 + c] = (byte) score; // used only when every |score| fits
            }
        }
    }
}
