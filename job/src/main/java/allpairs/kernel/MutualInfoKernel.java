package allpairs.kernel;

/**
 * The {@code mi} kernel: mutual information (natural log) between two equal-length rows of values
 * 0..255, the value of {@code sklearn.metrics.mutual_info_score(x, y)}. With N the length, n_ab the
 * number of positions k with x[k] = a and y[k] = b, and a_x, b_y the counts of a in x and of b in y:
 * <pre>
 *   MI = max(0, sum over cells with n_ab &gt; 0 of (n_ab / N) * (log(n_ab) + log(N) - log(a_x * b_y)))
 * </pre>
 * and MI = 0 when either row holds a single distinct value. The cells are summed in the order of
 * their first occurrence in the rows, and logs are {@link StrictMath#log}, so results are the same
 * bits on every JVM.
 */
public final class MutualInfoKernel extends DescribedByteKernel<MutualInfoKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "mi";

    /** The 256x256 joint histogram (index a * 256 + b) and the two marginals; all zero between pairs. */
    public static final class Scratch {
        final int[] joint = new int[256 * 256];
        final int[] countX = new int[256];
        final int[] countY = new int[256];
    }

    public MutualInfoKernel() {
        super(NAME, "mutual information (nats) of two equal-length rows of values 0..255, as sklearn's mutual_info_score",
                ElementType.UINT8, true, KernelKind.SCORE);
    }

    @Override
    public boolean needsEqualLengths() {
        return true;
    }

    /** One pass over the rows: linear in their length. */
    @Override
    public double pairCost(int lenA, int lenB) {
        return lenA;
    }

    @Override
    public long scratchBytes(int maxLength) {
        return 4L * (256 * 256 + 2 * 256);
    }

    @Override
    public Scratch newScratch(int maxLength) {
        return new Scratch();
    }

    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int yLen, Scratch s) {
        if (n == 0) {
            return 0.0;
        }
        final int[] joint = s.joint;
        final int[] countX = s.countX;
        final int[] countY = s.countY;
        for (int k = 0; k < n; k++) {
            final int a = xs[xOff + k] & 0xFF;
            final int b = ys[yOff + k] & 0xFF;
            joint[(a << 8) | b]++;
            countX[a]++;
            countY[b]++;
        }
        // A constant row has a single marginal cell holding all N positions.
        final boolean constant = countX[xs[xOff] & 0xFF] == n || countY[ys[yOff] & 0xFF] == n;
        final double logN = StrictMath.log(n);
        double sum = 0.0;
        // Visiting positions in order and zeroing each cell once summed gives every nonzero cell
        // exactly once, in a fixed order, and leaves the table clear for the next pair in O(N).
        for (int k = 0; k < n; k++) {
            final int a = xs[xOff + k] & 0xFF;
            final int b = ys[yOff + k] & 0xFF;
            final int cell = (a << 8) | b;
            final int count = joint[cell];
            if (count != 0) {
                joint[cell] = 0;
                if (!constant) {
                    final long outer = (long) countX[a] * countY[b];
                    sum += ((double) count / n) * (StrictMath.log(count) + logN - StrictMath.log((double) outer));
                }
            }
        }
        for (int k = 0; k < n; k++) {
            countX[xs[xOff + k] & 0xFF] = 0;
            countY[ys[yOff + k] & 0xFF] = 0;
        }
        return constant ? 0.0 : Math.max(sum, 0.0);
    }
}
