package allpairs.kernel;

/**
 * The {@code nw} kernel: global alignment score with affine gaps (Gotoh), as Biopython's
 * {@code PairwiseAligner} in global mode scores it. With s(a, b) = match if a == b (bit pattern)
 * else mismatch, o = gap-open, e = gap-extend, x of length n and y of length m:
 * <pre>
 *   M[i][j] = s(x[i-1], y[j-1]) + max(M[i-1][j-1], X[i-1][j-1], Y[i-1][j-1])
 *   X[i][j] = max(M[i-1][j] + o, Y[i-1][j] + o, X[i-1][j] + e)     (x[i-1] against a gap)
 *   Y[i][j] = max(M[i][j-1] + o, X[i][j-1] + o, Y[i][j-1] + e)     (y[j-1] against a gap)
 *   M[0][0] = 0, X[0][0] = Y[0][0] = -inf; off the origin M[i][0] = M[0][j] = X[0][j] = Y[i][0] = -inf
 * </pre>
 * so X[i][0] = o + (i-1) e and Y[0][j] = o + (j-1) e: end gaps score like inner gaps, and an
 * insertion may directly follow a deletion (two gaps, each opened). The result is
 * max(M[n][m], X[n][m], Y[n][m]).
 */
public final class NeedlemanWunschKernel extends AffineGapKernel {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "nw";
    private static final String DESCRIPTION = "global alignment score, affine gaps (Gotoh; Biopython PairwiseAligner scoring)";

    /** The defaults: match 1, mismatch -1, gap-open -2, gap-extend -1. */
    public NeedlemanWunschKernel() {
        this(DEFAULT_MATCH, DEFAULT_MISMATCH, DEFAULT_GAP_OPEN, DEFAULT_GAP_EXTEND, null);
    }

    private NeedlemanWunschKernel(double match, double mismatch, double gapOpen, double gapExtend,
                       SubstitutionMatrix matrix) {
        super(NAME, DESCRIPTION, false, match, mismatch, gapOpen, gapExtend, matrix);
    }

    @Override
    NeedlemanWunschKernel withScores(double match, double mismatch, double gapOpen, double gapExtend,
                       SubstitutionMatrix matrix) {
        return new NeedlemanWunschKernel(match, mismatch, gapOpen, gapExtend, matrix);
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
        // Row 0: only leading gaps in x (state Y) are possible.
        mPrev[0] = 0;
        xPrev[0] = ninf;
        yPrev[0] = ninf;
        for (int j = 1; j <= m; j++) {
            mPrev[j] = ninf;
            xPrev[j] = ninf;
            yPrev[j] = Math.max(mPrev[j - 1] + o, yPrev[j - 1] + e);
        }
        for (int i = 1; i <= n; i++) {
            final byte xi = xs[xOff + i - 1];
            final int subRow = sub == null ? 0 : codes[xi & 0xff] * k;
            mCur[0] = ninf;
            xCur[0] = Math.max(Math.max(mPrev[0] + o, yPrev[0] + o), xPrev[0] + e);
            yCur[0] = ninf;
            // The left and diagonal cells ride in locals: reloading what the previous step just
            // stored put a store-to-load round trip on the serial Y chain (1.6x per pair here).
            double mLeft = mCur[0];
            double xLeft = xCur[0];
            double yLeft = yCur[0];
            double mDiag = mPrev[0];
            double xDiag = xPrev[0];
            double yDiag = yPrev[0];
            for (int j = 1; j <= m; j++) {
                final double mUp = mPrev[j];
                final double xUp = xPrev[j];
                final double yUp = yPrev[j];
                final double diag = Math.max(Math.max(mDiag, xDiag), yDiag);
                final double mij = diag + score(xi, ys[yOff + j - 1], sub, subRow, codes);
                final double xij = Math.max(Math.max(mUp + o, yUp + o), xUp + e);
                final double yij = Math.max(Math.max(mLeft + o, xLeft + o), yLeft + e);
                mCur[j] = mij;
                xCur[j] = xij;
                yCur[j] = yij;
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
        return Math.max(Math.max(mPrev[m], xPrev[m]), yPrev[m]);
    }
}
