package allpairs.kernel;

/**
 * The {@code levenshtein} kernel: unit-cost edit distance between two symbol rows, symbols compared
 * by byte value (0..255). With x of length n and y of length m,
 * <pre>
 *   D[i][0] = i,  D[0][j] = j,
 *   D[i][j] = min(D[i-1][j] + 1, D[i][j-1] + 1, D[i-1][j-1] + (x[i-1] == y[j-1] ? 0 : 1))
 * </pre>
 * and the result is D[n][m], computed bit-parallel ({@link MyersPattern}: 64 cells per word
 * operation). {@link #computeRow} builds row i's bit masks once for the whole tile row, and with a
 * bound stops a pair as soon as its distance provably exceeds it.
 */
public final class LevenshteinKernel extends DescribedByteKernel<LevenshteinKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "levenshtein";

    /** The prepared pattern (bit masks and the vertical delta words), reused for every pair. */
    public static final class Scratch {
        final MyersPattern pattern;

        Scratch(int maxLength) {
            this.pattern = new MyersPattern(maxLength);
        }
    }

    public LevenshteinKernel() {
        super(NAME, "edit distance (insert, delete, substitute cost 1) between symbol rows",
                ElementType.SYMBOL, true, KernelKind.DISTANCE);
    }

    @Override
    public long scratchBytes(int maxLength) {
        return MyersPattern.bytes(maxLength);
    }

    @Override
    public Scratch newScratch(int maxLength) {
        return new Scratch(maxLength);
    }

    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int m, Scratch scratch) {
        MyersPattern p = scratch.pattern;
        p.prepare(xs, xOff, n);
        try {
            return p.distance(ys, yOff, m, Integer.MAX_VALUE);
        } finally {
            p.release();
        }
    }

    /** Stops a pair once it provably passes the bound (see {@link #computeRow}). */
    @Override
    public boolean usesBound() {
        return true;
    }

    /** A count of edits: at most the longer row's length. */
    @Override
    public double integerBound(int lenA, int lenB) {
        return Math.max(lenA, lenB);
    }

    @Override
    public void computeRow(Rows a, int i, Rows b, int jFrom, int jTo, double bound, Scratch scratch, double[] out,
                           int outOffset) {
        ByteRows x = (ByteRows) a;
        MyersPattern p = scratch.pattern;
        int n = x.length(i);
        p.prepare(x.data(), x.offset(i), n);
        try {
            p.distances((ByteRows) b, jFrom, jTo, worthIt(cutoff(bound), n), out, outOffset);
        } finally {
            p.release();
        }
    }

    /** PassJoin's segment filter for distances up to floor(bound), for 0 <= floor(bound) <= {@link SegmentFilter#MAX_K}. */
    @Override
    public CandidateFilter candidateFilter(double bound) {
        int k = cutoff(bound);
        return k >= 0 && k <= SegmentFilter.MAX_K ? new SegmentFilter(k) : null;
    }

    /**
     * The cutoff, or none (MAX_VALUE: exact values, always allowed) where it is too loose to pay: the
     * cutoff path costs about k per symbol where the exact one costs n/64 words with no checks, and
     * measured on rows of 50, 100 and 300 it stops being faster near k = n/3 (a loose --top-k bound
     * early in a row would otherwise slow the row down).
     */
    static int worthIt(int k, int n) {
        return 3L * k >= n ? Integer.MAX_VALUE : k;
    }

    /** The largest integer distance within the bound (distances are integers); MAX_VALUE for none. */
    static int cutoff(double bound) {
        if (Double.isNaN(bound) || bound >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(-1, Math.floor(bound));
    }
}
