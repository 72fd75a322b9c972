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
}
