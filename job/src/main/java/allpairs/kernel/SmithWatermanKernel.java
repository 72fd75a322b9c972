package allpairs.kernel;

/**
 * The {@code sw} kernel: best local alignment score with affine gaps (Smith-Waterman-Gotoh), with
 * the scoring of {@code nw} (s(a, b) = match or mismatch by bit pattern, a gap of length L scores
 * o + (L-1) e). With x of length n and y of length m:
 * <pre>
 *   M[i][j] = s(x[i-1], y[j-1]) + max(0, M[i-1][j-1], X[i-1][j-1], Y[i-1][j-1])
 *   X[i][j] = max(M[i-1][j] + o, Y[i-1][j] + o, X[i-1][j] + e)
 *   Y[i][j] = max(M[i][j-1] + o, X[i][j-1] + o, Y[i][j-1] + e)
 *   M, X, Y = -inf on row 0 and column 0
 * </pre>
 * The 0 in M lets an alignment start at any cell. The result is max(0, max over all cells of
 * M[i][j]): the empty alignment scores 0, and since gap scores are at most 0 an optimal local
 * alignment never needs to start or end with a gap column.
 */
public final class SmithWatermanKernel extends AffineGapKernel {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "sw";
    private static final String DESCRIPTION = "local alignment score, affine gaps (Smith-Waterman-Gotoh), at least 0";

    /** The defaults: match 1, mismatch -1, gap-open -2, gap-extend -1. */
    public SmithWatermanKernel() {
        this(DEFAULT_MATCH, DEFAULT_MISMATCH, DEFAULT_GAP_OPEN, DEFAULT_GAP_EXTEND, null);
    }

    private SmithWatermanKernel(double match, double mismatch, double gapOpen, double gapExtend,
                       SubstitutionMatrix matrix) {
        super(NAME, DESCRIPTION, true, match, mismatch, gapOpen, gapExtend, matrix);
    }

    @Override
    SmithWatermanKernel withScores(double match, double mismatch, double gapOpen, double gapExtend,
                       SubstitutionMatrix matrix) {
        return new SmithWatermanKernel(match, mismatch, gapOpen, gapExtend, matrix);
    }

    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int m, Scratch s) {
        final double ninf = Double.NEGATIVE_INFINITY;
        final double o = gapOpen;
        final double e = gapExtend;
        requireKnown(xs, xOff, n, ys, yOff, m);
        final double[] sub = matrixScores();
        final int[] codes = matrixCodes();
        final int k = sub == null ? 0 : matrix.size();
        double[] mPrev = s.m0;
        double[] xPrev = s.x0;
        double[] yPrev = s.y0;
        double[] mCur = s.m1;
        double[] xCur = s.x1;
        double[] yCur = s.y1;
        for (int j = 0; j <= m; j++) {
            mPrev[j] = ninf;
            xPrev[j] = ninf;
            yPrev[j] = ninf;
        }
        double best = 0;
        for (int i = 1; i <= n; i++) {
            final byte xi = xs[xOff + i - 1];
            final int subRow = sub == null ? 0 : codes[xi & 0xff] * k;
            mCur[0] = ninf;
            xCur[0] = ninf;
            yCur[0] = ninf;
            // Left and diagonal cells in locals, as in nw (no store-to-load round trip per step).
            double mLeft = ninf;
            double xLeft = ninf;
            double yLeft = ninf;
            double mDiag = mPrev[0];
            double xDiag = xPrev[0];
            double yDiag = yPrev[0];
            for (int j = 1; j <= m; j++) {
                final double mUp = mPrev[j];
                final double xUp = xPrev[j];
                final double yUp = yPrev[j];
                final double diag = Math.max(Math.max(0, mDiag), Math.max(xDiag, yDiag));
                final double mij = diag + score(xi, ys[yOff + j - 1], sub, subRow, codes);
                final double xij = Math.max(Math.max(mUp + o, yUp + o), xUp + e);
                final double yij = Math.max(Math.max(mLeft + o, xLeft + o), yLeft + e);
                mCur[j] = mij;
                xCur[j] = xij;
                yCur[j] = yij;
                best = Math.max(best, mij);
                mLeft = mij;
                xLeft = xij;
                yLeft = yij;
                mDiag = mUp;
                xDiag = xUp;
                yDiag = yUp;
            }
            double[] t = mPrev;
            mPrev = mCur;
            mCur = t;
            t = xPrev;
            xPrev = xCur;
            xCur = t;
            t = yPrev;
            yPrev = yCur;
            yCur = t;
        }
        return best;
    }
}
