package allpairs.kernel;

/**
 * The {@code seed} kernel of docs/seed-kernel.md: n^3 steps and an n×n scratch per pair, written
 * as the literal loops. The only rewrites are the allowed ones: x[k] + y[k] is hoisted out of the
 * (a, b) loops, each scratch cell accumulates in a local before it is stored, and the b loop is
 * unrolled by 4 and jammed into the k loop; the k order per cell and the row-major reduction order
 * are those of the definition, so results are bit-exact.
 */
public final class SeedKernel extends ByteKernel<SeedKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "seed";

    /** The n×n table of expensive_function_1, plus the hoisted row sums. */
    public static final class Scratch {
        final double[] tmp;
        final int[] sum;

        Scratch(int n) {
            this.tmp = new double[Math.multiplyExact(n, n)];
            this.sum = new int[n];
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "cost stand-in of docs/seed-kernel.md: n^3 steps and an n x n scratch per pair";
    }

    @Override
    public ElementType elementType() {
        return ElementType.INT8;
    }

    @Override
    public boolean symmetric() {
        return true;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.SCORE;
    }

    @Override
    public boolean needsEqualLengths() {
        return true;
    }

    /** n^3 inner steps per pair. */
    @Override
    public double pairCost(int lenA, int lenB) {
        return (double) lenA * lenA * lenA;
    }

    @Override
    public long scratchBytes(int n) {
        return 8L * n * n + 4L * n;
    }

    @Override
    public Scratch newScratch(int n) {
        return new Scratch(n);
    }

    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int yLen, Scratch scratch) {
        final int[] sum = scratch.sum;
        final double[] tmp = scratch.tmp;
        for (int k = 0; k < n; k++) {
            sum[k] = xs[xOff + k] + ys[yOff + k];
        }
        // expensive_function_1: tmp[a][b] = sum over k of (uint32) ((x[k] + y[k]) * (a - b)).
        // Unroll-and-jam over b: four cells of a row accumulate side by side, each in its own
        // local and in k order, so the four add chains overlap instead of waiting on each other
        // (about 2x per pair); every term and addition is still done, in the same order per cell.
        for (int a = 0; a < n; a++) {
            final int row = a * n;
            int b = 0;
            for (; b + 4 <= n; b += 4) {
                final int d0 = a - b; // the bits of the uint32 difference
                final int d1 = d0 - 1;
                final int d2 = d0 - 2;
                final int d3 = d0 - 3;
                double acc0 = 0.0;
                double acc1 = 0.0;
                double acc2 = 0.0;
                double acc3 = 0.0;
                for (int k = 0; k < n; k++) {
                    final int s = sum[k];
                    acc0 += (double) Integer.toUnsignedLong(s * d0);
                    acc1 += (double) Integer.toUnsignedLong(s * d1);
                    acc2 += (double) Integer.toUnsignedLong(s * d2);
                    acc3 += (double) Integer.toUnsignedLong(s * d3);
                }
                tmp[row + b] = acc0;
                tmp[row + b + 1] = acc1;
                tmp[row + b + 2] = acc2;
                tmp[row + b + 3] = acc3;
            }
            for (; b < n; b++) {
                final int d = a - b;
                double acc = 0.0;
                for (int k = 0; k < n; k++) {
                    acc += (double) Integer.toUnsignedLong(sum[k] * d);
                }
                tmp[row + b] = acc;
            }
        }
        // expensive_function_2: one accumulator, row-major order
        double result = 0.0;
        final int cells = n * n;
        for (int c = 0; c < cells; c++) {
            result += tmp[c];
        }
        return result;
    }
}
