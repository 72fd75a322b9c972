package allpairs.kernel;

/**
 * The {@code seed} kernel of docs/seed-kernel.md: n^3 steps and an n×n scratch per pair. Two paths
 * fill the scratch table, both bit-exact: SIMD lanes ({@link SeedVectorFill}, when the JVM has
 * {@code jdk.incubator.vector}) and the scalar loops below (the fallback). The only rewrites are the
 * allowed ones: x[k] + y[k] is hoisted out of the (a, b) loops, each scratch cell accumulates in a
 * local (or a lane) before it is stored, and several cells run side by side; the k order per cell and
 * the row-major reduction order are those of the definition.
 */
public final class SeedKernel extends DescribedByteKernel<SeedKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "seed";

    /** Which path fills the table: AUTO takes the SIMD one wherever the JVM has the module. */
    public enum Path { AUTO, SCALAR, VECTOR }

    private final Path path;

    public SeedKernel() {
        this(Path.AUTO);
    }

    private SeedKernel(Path path) {
        super(NAME, "cost stand-in of docs/seed-kernel.md: n^3 steps and an n x n scratch per pair",
                ElementType.INT8, true, KernelKind.SCORE);
        this.path = path;
    }

    /** The kernel on one path (tests and benchmarks); VECTOR fails where the JVM lacks the module. */
    public static SeedKernel on(Path path) {
        if (path == Path.VECTOR && !SeedLanes.AVAILABLE) {
            throw new IllegalStateException("the SIMD path needs --add-modules jdk.incubator.vector");
        }
        return new SeedKernel(path);
    }

    /** True when this instance fills the table on SIMD lanes in this JVM. */
    boolean usesLanes() {
        return path == Path.VECTOR || (path == Path.AUTO && SeedLanes.AVAILABLE);
    }

    /**
     * The n×n table of expensive_function_1 (padded for the SIMD path's last stores), the hoisted
     * row sums, and the SIMD path's per-k constants and vector jobs (planned once per n).
     */
    public static final class Scratch {
        final double[] tmp;
        final int[] sum;
        final double[] sumAsDouble;
        final double[] wrapBelow;
        final double[] wrapAbove;
        final int[] jobOffset;
        int jobs;
        int plannedN = -1;
        /** {@link SeedPairLanes}: per k and lane, s and the wraps; zeros; per lane the result; the lanes' tables. */
        final double[] laneSum;
        final double[] laneWrapBelow;
        final double[] laneWrapAbove;
        final double[] laneZero;
        final double[] laneResult;
        final double[] laneTable;
        final int[] laneOffset;

        Scratch(int n) {
            this.tmp = new double[Math.addExact(Math.multiplyExact(n, n), SeedLanes.overshoot())];
            this.sum = new int[n];
            if (SeedLanes.AVAILABLE) {
                VectorSupport.warm(); // before this JVM's first lane operation
            }
            int lanesN = SeedLanes.AVAILABLE ? n : 0;
            this.sumAsDouble = new double[lanesN];
            this.wrapBelow = new double[lanesN];
            this.wrapAbove = new double[lanesN];
            int jobs = SeedLanes.maxJobs(n);
            this.jobOffset = new int[jobs];
            int lanes = SeedLanes.pairLanes(n);
            this.laneSum = new double[n * lanes];
            this.laneWrapBelow = new double[n * lanes];
            this.laneWrapAbove = new double[n * lanes];
            this.laneZero = new double[n * lanes];
            this.laneResult = new double[lanes];
            this.laneTable = new double[Math.multiplyExact(n * n, lanes)];
            this.laneOffset = new int[lanes];
        }
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
        long simd = SeedLanes.AVAILABLE ? 24L * n + 4L * SeedLanes.maxJobs(n) + 8L * SeedLanes.overshoot() : 0;
        return 8L * n * n + 4L * n + simd + 8L * SeedLanes.pairLaneDoubles(n) + 4L * SeedLanes.pairLanes(n);
    }

    @Override
    public Scratch newScratch(int n) {
        return new Scratch(n);
    }

    /**
     * A tile row: on the SIMD path with rows of up to {@link SeedLanes#PAIR_LANES_MAX_N}, the columns
     * {@link SeedLanes#pairLanes} at a time, one pair per lane ({@link SeedPairLanes}); the rest (and
     * the scalar path, and longer rows) one pair at a time.
     */
    @Override
    public void computeRow(Rows a, int i, Rows b, int jFrom, int jTo, double bound, Scratch scratch, double[] out,
                           int outOffset) {
        final ByteRows x = (ByteRows) a;
        final ByteRows y = (ByteRows) b;
        final int n = x.length(i);
        int j = jFrom;
        final int lanes = usesLanes() ? SeedLanes.pairLanes(n) : 0;
        if (lanes > 0 && scratch.laneOffset.length == lanes) {
            for (; j + lanes <= jTo; j += lanes) {
                boolean sameLength = true;
                for (int lane = 0; lane < lanes; lane++) {
                    scratch.laneOffset[lane] = y.offset(j + lane);
                    sameLength &= y.length(j + lane) == n;
                }
                if (!sameLength) {
                    break;
                }
                SeedPairLanes.group(x.data(), x.offset(i), y.data(), scratch.laneOffset, n, scratch, out,
                        outOffset + j - jFrom);
            }
        }
        for (; j < jTo; j++) {
            out[outOffset + j - jFrom] = compute(a, i, b, j, scratch);
        }
    }

    @Override
    protected double compute(byte[] xs, int xOff, int n, byte[] ys, int yOff, int yLen, Scratch scratch) {
        final int[] sum = scratch.sum;
        for (int k = 0; k < n; k++) {
            sum[k] = xs[xOff + k] + ys[yOff + k];
        }
        if (usesLanes()) {
            return SeedVectorFill.tableSum(scratch, n);
        }
        fillScalar(sum, n, scratch.tmp);
        // expensive_function_2: one accumulator, row-major order
        final double[] tmp = scratch.tmp;
        double result = 0.0;
        final int cells = n * n;
        for (int c = 0; c < cells; c++) {
            result += tmp[c];
        }
        return result;
    }

    /** One cell of the table, literally: sum over k of (uint32) (sum[k] * d), d = a - b, in k order. */
    static double cell(int[] sum, int n, int d) {
        double acc = 0.0;
        for (int k = 0; k < n; k++) {
            acc += (double) Integer.toUnsignedLong(sum[k] * d);
            if (SeedSteps.COUNTING) {
                SeedSteps.add(1);
            }
        }
        return acc;
    }

    /**
     * expensive_function_1 on the scalar path: tmp[a][b] = sum over k of (uint32) ((x[k] + y[k]) *
     * (a - b)). Unroll-and-jam over b: four cells of a row accumulate side by side, each in its own
     * local and in k order, so the four add chains overlap instead of waiting on each other (about 2x
     * per pair); every term and addition is still done, in the same order per cell.
     */
    private static void fillScalar(int[] sum, int n, double[] tmp) {
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
                    if (SeedSteps.COUNTING) {
                        SeedSteps.add(4);
                    }
                }
                tmp[row + b] = acc0;
                tmp[row + b + 1] = acc1;
                tmp[row + b + 2] = acc2;
                tmp[row + b + 3] = acc3;
            }
            for (; b < n; b++) {
                tmp[row + b] = cell(sum, n, a - b);
            }
        }
    }
}
