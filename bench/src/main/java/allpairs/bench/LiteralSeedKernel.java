package allpairs.bench;

import allpairs.kernel.DescribedByteKernel;
import allpairs.kernel.ElementType;
import allpairs.kernel.KernelKind;

/**
 * The seed kernel as it was before the unroll-and-jam: one cell at a time, one add chain per cell.
 * Only here so that JMH shows the rewrite's effect (cases {@code seed-literal:N}); same results.
 */
public final class LiteralSeedKernel extends DescribedByteKernel<LiteralSeedKernel.Scratch> {
    private static final long serialVersionUID = 1L;

    /** As the seed kernel's: the n×n table and the hoisted row sums. */
    public static final class Scratch {
        final double[] tmp;
        final int[] sum;

        Scratch(int n) {
            tmp = new double[n * n];
            sum = new int[n];
        }
    }

    public LiteralSeedKernel() {
        super("seed-literal", "", ElementType.INT8, true, KernelKind.SCORE);
    }

    @Override
    public Scratch newScratch(int n) {
        return new Scratch(n);
    }

    /** The seed kernel's compute before the rewrite (x[k] + y[k] hoisted, one cell at a time). */
    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int yLen, Scratch scratch) {
        final int[] sum = scratch.sum;
        final double[] tmp = scratch.tmp;
        for (int k = 0; k < n; k++) {
            sum[k] = xs[xOff + k] + ys[yOff + k];
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                final int d = a - b;
                double acc = 0.0;
                for (int k = 0; k < n; k++) {
                    acc += (double) Integer.toUnsignedLong(sum[k] * d);
                }
                tmp[a * n + b] = acc;
            }
        }
        double result = 0.0;
        final int cells = n * n;
        for (int c = 0; c < cells; c++) {
            result += tmp[c];
        }
        return result;
    }
}
