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
}
