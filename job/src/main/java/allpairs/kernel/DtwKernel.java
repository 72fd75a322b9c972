package allpairs.kernel;

import java.util.List;

/**
 * The {@code dtw} kernel: dynamic time warping distance between two double series (what
 * dtaidistance's {@code distance} computes). With x of length n, y of length m:
 * <pre>
 *   D[0][0] = 0,  D[i][0] = D[0][j] = +inf (i, j &gt; 0),
 *   D[i][j] = (x[i-1] - y[j-1])^2 + min(D[i-1][j], D[i][j-1], D[i-1][j-1])   if |i - j| &lt;= w
 *   D[i][j] = +inf                                                              otherwise
 * </pre>
 * where w = max(window, |n - m|) (so the end cell is always reachable), or unbounded when
 * {@code window} is unset; the result is sqrt(D[n][m]). Only the band cells are computed, so the
 * cost per pair is O(n * w) rather than O(n * m).
 */
public final class DtwKernel extends DoubleKernel<DtwKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "dtw";

    private static final List<Param> PARAMS = List.of(Param.ofInt("window", null, 0, Integer.MAX_VALUE,
            "Sakoe-Chiba band half-width (widened to the length difference); unset: the full matrix"));

    /** The band half-width, or -1 for none. */
    private final int window;

    /** Two DP rows over y (previous and current). */
    public static final class Scratch {
        final double[] prev;
        final double[] cur;

        Scratch(int maxLength) {
            this.prev = new double[maxLength + 1];
            this.cur = new double[maxLength + 1];
        }
    }

    /** No window: the full matrix. */
    public DtwKernel() {
        this(-1);
    }

    private DtwKernel(int window) {
        this.window = window;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "dynamic time warping distance (squared-difference cost, sqrt of the total), optional window";
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
    public List<Param> params() {
        return PARAMS;
    }

    @Override
    public Kernel<Scratch> configure(ParamValues values) {
        return new DtwKernel(values.isSet("window") ? values.getInt("window") : -1);
    }

    /** Only the band is computed: about max(len) × (2w + 1) cells with a window. */
    @Override
    public double pairCost(int lenA, int lenB) {
        if (window < 0) {
            return (double) lenA * lenB;
        }
        long w = Math.max(window, Math.abs((long) lenA - lenB));
        return (double) Math.max(lenA, lenB) * Math.min(Math.min(lenA, lenB), 2 * w + 1);
    }

    @Override
    public long scratchBytes(int maxLength) {
        return 2 * 8L * (maxLength + 1);
    }

    @Override
    public Scratch newScratch(int maxLength) {
        return new Scratch(maxLength);
    }

    @Override
    protected double compute(double[] xs, int xOff, int n, double[] ys, int yOff, int m, Scratch scratch) {
        final double inf = Double.POSITIVE_INFINITY;
        final int w = window < 0 ? Integer.MAX_VALUE : Math.max(window, Math.abs(n - m));
        double[] prev = scratch.prev;
        double[] cur = scratch.cur;
        // Row 0 as row 1 reads it: D[0][0] = 0 and +inf up to row 1's last band cell.
        prev[0] = 0;
        final int firstHi = (int) Math.min(m, 1L + w);
        for (int j = 1; j <= firstHi; j++) {
            prev[j] = inf;
        }
        for (int i = 1; i <= n; i++) {
            final double xi = xs[xOff + i - 1];
            final int lo = Math.max(1, i - w);
            final int hi = (int) Math.min(m, (long) i + w);
            // cur holds row i-2: overwrite the cells next to the band that row i and row i+1 read.
            cur[lo - 1] = inf;
            double left = inf;
            for (int j = lo; j <= hi; j++) {
                final double d = xi - ys[yOff + j - 1];
                double best = prev[j - 1];
                if (prev[j] < best) {
                    best = prev[j];
                }
                if (left < best) {
                    best = left;
                }
                left = d * d + best;
                cur[j] = left;
            }
            if (hi < m) {
                cur[hi + 1] = inf;
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.sqrt(prev[m]);
    }

    @Override
    public String toString() {
        return NAME + "(window=" + (window < 0 ? "none" : Integer.toString(window)) + ")";
    }
}
