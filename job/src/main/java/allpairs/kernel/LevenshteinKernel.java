package allpairs.kernel;

/**
 * The {@code levenshtein} kernel: unit-cost edit distance between two symbol rows, symbols compared
 * by bit pattern. With x of length n and y of length m,
 * <pre>
 *   D[i][0] = i,  D[0][j] = j,
 *   D[i][j] = min(D[i-1][j] + 1, D[i][j-1] + 1, D[i-1][j-1] + (x[i-1] == y[j-1] ? 0 : 1))
 * </pre>
 * and the result is D[n][m]. Only two rows of D are kept.
 */
public final class LevenshteinKernel extends ByteKernel<LevenshteinKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "levenshtein";

    /** Two DP rows over y (previous and current). */
    public static final class Scratch {
        final int[] prev;
        final int[] cur;

        Scratch(int maxLength) {
            this.prev = new int[maxLength + 1];
            this.cur = new int[maxLength + 1];
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "edit distance (insert, delete, substitute cost 1) between symbol rows";
    }

    @Override
    public ElementType elementType() {
        return ElementType.SYMBOL;
    }

    @Override
    public boolean symmetric() {
        return true;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.DISTANCE;
    }

    @Override
    public long scratchBytes(int maxLength) {
        return 2 * 4L * (maxLength + 1);
    }

    @Override
    public Scratch newScratch(int maxLength) {
        return new Scratch(maxLength);
    }

    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int m, Scratch scratch) {
        int[] prev = scratch.prev;
        int[] cur = scratch.cur;
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            final byte xi = xs[xOff + i - 1];
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int best = prev[j - 1] + (xi == ys[yOff + j - 1] ? 0 : 1);
                best = Math.min(best, prev[j] + 1);
                best = Math.min(best, cur[j - 1] + 1);
                cur[j] = best;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
