package allpairs.kernel;

/**
 * DTW with several pairs on SIMD lanes ({@link DtwLaneLoops}): row i against {@link #WIDTH} column
 * rows at once, one pair per lane, every lane computing the same cell (i, j) of its own pair. Only a
 * group whose column rows all have the same length takes the lanes (then every lane has the same band,
 * so the loop bounds are shared); others, and rows longer than {@link #MAX_VALUES}, stay on the scalar
 * loop of {@link DtwBand}. Bit-identical to {@link DtwBand#full} per pair: see docs/kernels.md.
 *
 * <p>This class never names a Vector API type, so a JVM without {@code jdk.incubator.vector} loads
 * it, reads {@link #AVAILABLE} false and never loads the loops. {@code -Dallpairs.dtw.scalar=true}
 * turns the lanes off (for comparisons).
 */
final class DtwLanes {
    static final boolean AVAILABLE = VectorSupport.PRESENT
            && !Boolean.getBoolean("allpairs.dtw.scalar");
    /** Pairs per group (0 without the module). */
    static final int WIDTH = AVAILABLE ? DtwLaneLoops.WIDTH : 0;
    /** The longest rows (values) the lanes take: their scratch is 4 × WIDTH doubles per value. */
    static final int MAX_VALUES = 8192;

    /** Column rows transposed: y[((j - 1) * d + k) * WIDTH + lane]. */
    private final double[] y;
    /** DP rows, interleaved: cell j of lane l at j * WIDTH + l. */
    private final double[] prev;
    private final double[] cur;
    /** Costs of one DP row (several channels). */
    private final double[] cost;
    private final double[] result = new double[WIDTH];
    /** The pairs' rest bounds ({@link DtwBounds}), interleaved as the DP rows. */
    private final double[] rest;
    private final int[] columns = new int[WIDTH];

    private DtwLanes(int maxValues) {
        VectorSupport.warm();
        this.y = new double[maxValues * WIDTH];
        this.prev = new double[(maxValues + 1) * WIDTH];
        this.cur = new double[(maxValues + 1) * WIDTH];
        this.cost = new double[(maxValues + 1) * WIDTH];
        this.rest = new double[(maxValues + 1) * WIDTH];
    }

    /** The lanes' scratch for rows of at most maxValues, or null when the lanes are not used. */
    static DtwLanes forRows(int maxValues) {
        return AVAILABLE && maxValues <= MAX_VALUES ? new DtwLanes(maxValues) : null;
    }

    /** Bytes {@link #forRows} allocates. */
    static long bytes(int maxValues) {
        return AVAILABLE && maxValues <= MAX_VALUES ? 8L * WIDTH * (5L * maxValues + 5) : 0;
    }

    /**
     * The distances of row i of x against rows j .. j+WIDTH-1 of ys into out[at ..]: beyond the squared
     * threshold t they may be +inf (the group stops once every lane's whole DP row exceeds t). False,
     * nothing written, when the rows' lengths differ.
     */
    boolean group(DoubleRows x, int i, DoubleRows ys, int j, int d, int w, double t, double[] out, int at) {
        final int len = ys.length(j);
        for (int lane = 0; lane < WIDTH; lane++) {
            if (ys.length(j + lane) != len) {
                return false;
            }
            columns[lane] = j + lane;
        }
        columns(x, i, ys, columns, d, w, t, null, t, out, at - j);
        return true;
    }

    /**
     * Row i of x against the equally long rows {@code cols[0 .. WIDTH-1]} of ys, each distance into
     * {@code out[base + cols[lane]]}, as {@link #group}; with {@code rests} (each lane's rest[1..n],
     * {@link DtwBounds}) the group also stops on them against {@code tRest}. False when it stopped (every
     * distance +inf).
     */
    boolean columns(DoubleRows x, int i, DoubleRows ys, int[] cols, int d, int w, double t, double[][] rests,
                    double tRest, double[] out, int base) {
        final int l = WIDTH;
        final int len = ys.length(cols[0]);
        final double[] data = ys.data();
        for (int lane = 0; lane < l; lane++) {
            final int off = ys.offset(cols[lane]);
            for (int v = 0; v < len; v++) {
                y[v * l + lane] = data[off + v];
            }
        }
        int n = x.length(i) / d;
        if (rests != null) {
            for (int lane = 0; lane < l; lane++) {
                for (int r = 1; r <= n; r++) {
                    rest[r * l + lane] = rests[lane][r];
                }
            }
        }
        boolean done = DtwLaneLoops.full(x.data(), x.offset(i), n, y, len / d, d, w, t, rests == null ? null : rest,
                tRest, prev, cur, cost, result);
        for (int lane = 0; lane < l; lane++) {
            out[base + cols[lane]] = done ? Math.sqrt(result[lane]) : Double.POSITIVE_INFINITY;
        }
        return done;
    }
}
