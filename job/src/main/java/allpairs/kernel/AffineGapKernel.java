package allpairs.kernel;

import allpairs.UserError;
import java.util.List;

/**
 * What {@code nw} and {@code sw} share: the scoring parameters (Biopython {@code PairwiseAligner}
 * semantics: a gap of length L scores gap-open + (L - 1) * gap-extend; a column of two symbols
 * scores match/mismatch by bit pattern, or the entry of a substitution matrix), their
 * declarations, and the scratch of two DP rows for each of the three Gotoh states.
 */
abstract class AffineGapKernel extends DescribedByteKernel<AffineGapKernel.Scratch> {
    private static final long serialVersionUID = 1L;

    static final double DEFAULT_MATCH = 1;
    static final double DEFAULT_MISMATCH = -1;
    static final double DEFAULT_GAP_OPEN = -2;
    static final double DEFAULT_GAP_EXTEND = -1;

    /** Gap scores are penalties; the 1e6 bounds keep sums of scores far from overflow to infinity. */
    private static final List<Param> PARAMS = List.of(
            Param.ofDouble("match", -1e6, 1e6, "score of a column of two equal symbols (1 when unset; not with matrix)"),
            Param.ofDouble("mismatch", -1e6, 1e6, "score of a column of two different symbols (-1 when unset; not with matrix)"),
            Param.ofString("matrix", "substitution matrix: " + String.join(", ", MatrixParser.NAMES)
                    + " (EDNAFULL) or a file in NCBI format"),
            Param.ofDouble("gap-open", DEFAULT_GAP_OPEN, -1e6, 0, "score of the first column of a gap"),
            Param.ofDouble("gap-extend", DEFAULT_GAP_EXTEND, -1e6, 0, "score of each further column of a gap"));

    protected final double match;
    protected final double mismatch;
    protected final double gapOpen;
    protected final double gapExtend;
    /** Null: match/mismatch by bit pattern. */
    protected final SubstitutionMatrix matrix;
    /**
     * True when every score is an integer and gap-open <= gap-extend (the H formulation the integer
     * paths use): then {@link #computeRow} takes {@link IntAlignment}.
     */
    final boolean integerScores;
    /** True when every score (columns and gaps) is an integer, so every value is one. */
    final boolean integralValues;
    /** The largest |score| of a column or gap (sizes the integer paths). */
    final int maxAbsScore;
    /** True for sw (the best local score), false for nw. */
    private final boolean local;

    /**
     * Two rows (previous, current) over y for each state: M ends in a match/mismatch column,
     * X in a gap in y (x[i-1] against nothing), Y in a gap in x.
     */
    public static final class Scratch {
        final double[] m0;
        final double[] m1;
        final double[] x0;
        final double[] x1;
        final double[] y0;
        final double[] y1;
        /** The integer paths' arrays, or null when the scores are not all integers. */
        final IntAlignment.Scratch ints;

        Scratch(int maxLength, boolean integerScores) {
            ints = integerScores ? new IntAlignment.Scratch(maxLength) : null;
            int n = maxLength + 1;
            m0 = new double[n];
            m1 = new double[n];
            x0 = new double[n];
            x1 = new double[n];
            y0 = new double[n];
            y1 = new double[n];
        }
    }

    AffineGapKernel(String name, String description, boolean local, double match, double mismatch, double gapOpen,
                    double gapExtend, SubstitutionMatrix matrix) {
        super(name, description, ElementType.SYMBOL, true, KernelKind.SCORE);
        this.match = match;
        this.mismatch = mismatch;
        this.gapOpen = gapOpen;
        this.gapExtend = gapExtend;
        this.matrix = matrix;
        double maxAbs = Math.max(Math.abs(gapOpen), Math.abs(gapExtend));
        boolean integral = gapOpen == Math.rint(gapOpen) && gapExtend == Math.rint(gapExtend);
        if (matrix == null) {
            maxAbs = Math.max(maxAbs, Math.max(Math.abs(match), Math.abs(mismatch)));
            integral &= match == Math.rint(match) && mismatch == Math.rint(mismatch);
        } else {
            maxAbs = Math.max(maxAbs, matrix.maxAbs());
            integral &= matrix.integral();
        }
        this.integralValues = integral;
        this.integerScores = integral && gapOpen <= gapExtend;
        this.maxAbsScore = (int) Math.ceil(maxAbs);
        this.local = local;
    }

    /**
     * Integer scores: the query row is prepared once and the columns aligned in SIMD lanes (see
     * {@link IntAlignment}); otherwise {@link #compute} per pair. The bound is not used: every value
     * is exact.
     */
    @Override
    public final void computeRow(Rows a, int i, Rows b, int jFrom, int jTo, double bound, Scratch scratch,
                                 double[] out, int outOffset) {
        if (!integerScores || jTo <= jFrom) {
            for (int j = jFrom; j < jTo; j++) {
                out[outOffset + (j - jFrom)] = compute(a, i, b, j, scratch);
            }
            return;
        }
        IntAlignment.computeRow(this, local, (ByteRows) a, i, (ByteRows) b, jFrom, jTo, scratch, out, outOffset);
    }

    /**
     * Integer scores: an alignment has at most lenA + lenB columns (nw), and sw's positive columns pair
     * symbols, at most min(lenA, lenB) of them; each column or gap scores at most {@link #maxAbsScore}.
     */
    @Override
    public final double integerBound(int lenA, int lenB) {
        if (!integralValues) {
            return Double.NaN;
        }
        return (double) maxAbsScore * (local ? Math.min(lenA, lenB) : (double) lenA + lenB);
    }

    /** True for sw (the best local score), false for nw. */
    final boolean local() {
        return local;
    }

    /**
     * The double DP of one pair (Gotoh), for both modes: the recurrences are in the javadoc of
     * {@link NeedlemanWunschKernel} (global) and {@link SmithWatermanKernel} (local: M may start
     * from 0 at any cell, the boundaries are -inf, and the value is the best M, at least 0).
     */
    @Override
    protected final double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int m, Scratch s) {
        final double ninf = Double.NEGATIVE_INFINITY;
        final double o = gapOpen;
        final double e = gapExtend;
        final boolean global = !local;
        final double floor = local ? 0 : ninf; // sw's "start here" below every diagonal
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
        // Row 0: nw has only leading gaps in x (state Y) from M[0][0] = 0; sw has nothing.
        mPrev[0] = global ? 0 : ninf;
        xPrev[0] = ninf;
        yPrev[0] = ninf;
        for (int j = 1; j <= m; j++) {
            mPrev[j] = ninf;
            xPrev[j] = ninf;
            yPrev[j] = global ? Math.max(mPrev[j - 1] + o, yPrev[j - 1] + e) : ninf;
        }
        double best = 0;
        for (int i = 1; i <= n; i++) {
            final byte xi = xs[xOff + i - 1];
            final int subRow = sub == null ? 0 : codes[xi & 0xff] * k;
            mCur[0] = ninf;
            xCur[0] = global ? Math.max(Math.max(mPrev[0] + o, yPrev[0] + o), xPrev[0] + e) : ninf;
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
                final double diag = Math.max(Math.max(floor, mDiag), Math.max(xDiag, yDiag));
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
        return local ? best : Math.max(Math.max(mPrev[m], xPrev[m]), yPrev[m]);
    }

    /** A new instance of the same kernel with these scores (matrix null: match/mismatch). */
    abstract AffineGapKernel withScores(double match, double mismatch, double gapOpen, double gapExtend,
                                        SubstitutionMatrix matrix);

    /** The matrix's scores (K × K, row-major), or null with match/mismatch: for the DP loops. */
    final double[] matrixScores() {
        return matrix == null ? null : matrix.scores();
    }

    /** Byte to matrix code, or null with match/mismatch. */
    final int[] matrixCodes() {
        return matrix == null ? null : matrix.codes();
    }

    /** The score of column (xi, yj): the matrix entry when {@code sub} is set (row already picked), else match/mismatch. */
    final double score(byte xi, byte yj, double[] sub, int subRow, int[] codes) {
        return sub == null ? (xi == yj ? match : mismatch) : sub[subRow + codes[yj & 0xff]];
    }

    /** With a matrix: exit 2 for a row symbol it cannot score, before any DP (rows the driver did not check). */
    final void requireKnown(byte[] xs, int xOff, int n, byte[] ys, int yOff, int m) {
        if (matrix != null) {
            matrix.requireKnown(xs, xOff, n);
            matrix.requireKnown(ys, yOff, m);
        }
    }

    @Override
    public final List<Param> params() {
        return PARAMS;
    }

    @Override
    public final Kernel<Scratch> configure(ParamValues values) {
        SubstitutionMatrix m = null;
        if (values.isSet("matrix")) {
            if (values.isSet("match") || values.isSet("mismatch")) {
                throw new UserError("matrix and match/mismatch are two ways to score a column: give one",
                        "option --kernel-param matrix");
            }
            m = MatrixParser.load(values.getString("matrix"));
        }
        return withScores(values.isSet("match") ? values.getDouble("match") : DEFAULT_MATCH,
                values.isSet("mismatch") ? values.getDouble("mismatch") : DEFAULT_MISMATCH,
                values.getDouble("gap-open"), values.getDouble("gap-extend"), m);
    }

    @Override
    public final void checkRows(Rows rows, String where) {
        if (matrix != null) {
            matrix.checkRows(rows, where);
        }
    }

    /**
     * The integer path fills its lanes (up to 64 columns each) from one tile row: measured on the
     * 500-protein bench, blocks of 128 columns took about a third of the compute time of 73.
     */
    @Override
    public final int minTileWidth() {
        return integerScores ? 128 : 1;
    }

    @Override
    public final long scratchBytes(int maxLength) {
        return 6 * 8L * (maxLength + 1) + (integerScores ? IntAlignment.Scratch.bytes(maxLength) : 0);
    }

    @Override
    public final Scratch newScratch(int maxLength) {
        return new Scratch(maxLength, integerScores);
    }

    @Override
    public String toString() {
        String scores = matrix == null ? "match=" + match + ", mismatch=" + mismatch : "matrix=" + matrix.name();
        return name() + "(" + scores + ", gap-open=" + gapOpen + ", gap-extend=" + gapExtend + ")";
    }
}
