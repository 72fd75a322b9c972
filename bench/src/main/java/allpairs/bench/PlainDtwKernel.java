package allpairs.bench;

import allpairs.kernel.DoubleKernel;
import allpairs.kernel.KernelKind;

/**
 * The in-run reference for dtw's speed (cases {@code dtw-plain:N[:w]}): a Java port of the plain
 * loop a numba user writes ({@code @njit}, two nested loops, {@code c + min(up, left, diag)}), one
 * channel, band |i - j| <= w for equal lengths. Two preallocated DP rows instead of numba's matrix,
 * so it allocates nothing: the comparison is of the loops alone. Same values as the dtw kernel.
 */
public final class PlainDtwKernel extends DoubleKernel<PlainDtwKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    private static final double INF = Double.POSITIVE_INFINITY;
    private final int window;

    /** Two DP rows. */
    public static final class Scratch {
        double[] prev;
        double[] cur;

        Scratch(int maxLength) {
            prev = new double[maxLength + 1];
            cur = new double[maxLength + 1];
        }
    }

    /** @param window the band half-width, Integer.MAX_VALUE for none */
    public PlainDtwKernel(int window) {
        this.window = window;
    }

    @Override
    public String name() {
        return "dtw-plain";
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
    public Scratch newScratch(int maxLength) {
        return new Scratch(maxLength);
    }

    @Override
    protected double compute(double[] x, int xOff, int n, double[] y, int yOff, int m, Scratch s) {
        double[] prev = s.prev;
        double[] cur = s.cur;
        java.util.Arrays.fill(prev, 0, m + 1, INF);
        prev[0] = 0;
        for (int i = 1; i <= n; i++) {
            int lo = Math.max(1, i - window);
            int hi = (int) Math.min(m, (long) i + window);
            cur[lo - 1] = INF;
            for (int j = lo; j <= hi; j++) {
                double d = x[xOff + i - 1] - y[yOff + j - 1];
                // min(a, b, c) as Python (and numba) evaluate it: the first, replaced by any smaller one
                double best = prev[j - 1];
                if (prev[j] < best) {
                    best = prev[j];
                }
                if (cur[j - 1] < best) {
                    best = cur[j - 1];
                }
                cur[j] = d * d + best;
            }
            if (hi < m) {
                cur[hi + 1] = INF;
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.sqrt(prev[m]);
    }
}
