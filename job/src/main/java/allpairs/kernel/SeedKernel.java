package allpairs.kernel;

/**
 * The {@code seed} kernel of docs/seed-kernel.md: n^3 steps and an n×n scratch per pair, written
 * as the literal loops. The only rewrites are the allowed ones: x[k] + y[k] is hoisted out of the
 * (a, b) loops and each scratch cell accumulates in a local before it is stored; the k order per
 * cell and the row-major reduction order are those of the definition, so results are bit-exact.
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
        // expensive_function_1: tmp[a][b] = sum over k of (uint32) ((x[k] + y[k]) * (a - b))
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                final int d = a - b; // the bits of the uint32 difference
                double acc = 0.0;
                for (int k = 0; k < n; k++) {
                    acc += (double) Integer.toUnsignedLong(sum[k] * d);
                }
                tmp[a * n + b] = acc;
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
