package allpairs.kernel;

import java.util.List;

/**
 * What {@code nw} and {@code sw} share: the four affine-gap scoring parameters (Biopython
 * {@code PairwiseAligner} semantics: a gap of length L scores gap-open + (L - 1) * gap-extend),
 * their declarations, and the scratch of two DP rows for each of the three Gotoh states.
 */
abstract class AffineGapKernel extends ByteKernel<AffineGapKernel.Scratch> {
    private static final long serialVersionUID = 1L;

    static final double DEFAULT_MATCH = 1;
    static final double DEFAULT_MISMATCH = -1;
    static final double DEFAULT_GAP_OPEN = -2;
    static final double DEFAULT_GAP_EXTEND = -1;

    /** Gap scores are penalties; the 1e6 bounds keep sums of scores far from overflow to infinity. */
    private static final List<Param> PARAMS = List.of(
            Param.ofDouble("match", DEFAULT_MATCH, -1e6, 1e6, "score of a column of two equal symbols"),
            Param.ofDouble("mismatch", DEFAULT_MISMATCH, -1e6, 1e6, "score of a column of two different symbols"),
            Param.ofDouble("gap-open", DEFAULT_GAP_OPEN, -1e6, 0, "score of the first column of a gap"),
            Param.ofDouble("gap-extend", DEFAULT_GAP_EXTEND, -1e6, 0, "score of each further column of a gap"));

    protected final double match;
    protected final double mismatch;
    protected final double gapOpen;
    protected final double gapExtend;

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

        Scratch(int maxLength) {
            int n = maxLength + 1;
            m0 = new double[n];
            m1 = new double[n];
            x0 = new double[n];
            x1 = new double[n];
            y0 = new double[n];
            y1 = new double[n];
        }
    }

    AffineGapKernel(double match, double mismatch, double gapOpen, double gapExtend) {
        this.match = match;
        this.mismatch = mismatch;
        this.gapOpen = gapOpen;
        this.gapExtend = gapExtend;
    }

    /** A new instance of the same kernel with these scores. */
    abstract AffineGapKernel withScores(double match, double mismatch, double gapOpen, double gapExtend);

    @Override
    public final ElementType elementType() {
        return ElementType.SYMBOL;
    }

    @Override
    public final boolean symmetric() {
        return true;
    }

    @Override
    public final KernelKind kind() {
        return KernelKind.SCORE;
    }

    @Override
    public final List<Param> params() {
        return PARAMS;
    }

    @Override
    public final Kernel<Scratch> configure(ParamValues values) {
        return withScores(values.getDouble("match"), values.getDouble("mismatch"),
                values.getDouble("gap-open"), values.getDouble("gap-extend"));
    }

    @Override
    public final long scratchBytes(int maxLength) {
        return 6 * 8L * (maxLength + 1);
    }

    @Override
    public final Scratch newScratch(int maxLength) {
        return new Scratch(maxLength);
    }

    @Override
    public String toString() {
        return name() + "(match=" + match + ", mismatch=" + mismatch + ", gap-open=" + gapOpen
                + ", gap-extend=" + gapExtend + ")";
    }
}
