package allpairs.kernel;

/**
 * The 32-bit integer DP of one pair, over a query prepared once per tile row ({@link QueryTable}):
 * the fallback when SIMD lanes are absent, too narrow for the scores, or overflowed. Same
 * H formulation as {@link LaneAligner} (valid when gap-open <= gap-extend), x along i, y along j:
 * <pre>
 *   V[i][j] = max(H[i-1][j] + o, V[i-1][j] + e)     (x_i against a gap)
 *   G[i][j] = max(H[i][j-1] + o, G[i][j-1] + e)     (y_j against a gap)
 *   H[i][j] = max(H[i-1][j-1] + s(x_i, y_j), V, G)  (sw: and 0; the value is the largest H)
 * </pre>
 * The caller keeps |values| below 2^30 ((n + m + 2) × the largest |score| under it).
 */
final class ScalarAligner {
    /** "Minus infinity": NEG + e stays far from int overflow for |e| <= 1e6. */
    static final int NEG = -(1 << 30);

    private ScalarAligner() {
    }

    /** The pair's score; h and v hold at least m + 1 ints. */
    static int align(boolean local, QueryTable q, byte[] ys, int yOff, int m, int o, int e, int[] h, int[] v) {
        final int n = q.length;
        final int[] xc = q.codes;
        final int[] table = q.table;
        h[0] = 0;
        v[0] = NEG;
        for (int j = 1; j <= m; j++) {
            h[j] = local ? 0 : o + (j - 1) * e;
            v[j] = NEG;
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            final int row = xc[i - 1] * QueryTable.WIDTH;
            int hDiag = h[0];
            int hLeft = local ? 0 : o + (i - 1) * e;
            h[0] = hLeft;
            int g = NEG;
            for (int j = 1; j <= m; j++) {
                final int hUp = h[j];
                final int vNew = Math.max(hUp + o, v[j] + e);
                g = Math.max(hLeft + o, g + e);
                int hNew = Math.max(hDiag + table[row + (ys[yOff + j - 1] & 0xff)], Math.max(vNew, g));
                if (local) {
                    hNew = Math.max(hNew, 0);
                    best = Math.max(best, hNew);
                }
                h[j] = hNew;
                v[j] = vNew;
                hDiag = hUp;
                hLeft = hNew;
            }
        }
        return local ? best : h[m];
    }
}
