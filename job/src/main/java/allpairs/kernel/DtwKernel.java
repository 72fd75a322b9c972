package allpairs.kernel;

import allpairs.UserError;
import java.util.List;

/**
 * The {@code dtw} kernel: dynamic time warping distance between two series (dtaidistance's
 * {@code dtw.distance}, and {@code dtw_ndim.distance} with several channels). A row of L values is a
 * series of L / d steps of d = {@code channels} values each (a 3-D input sets d). With x of n steps and
 * y of m steps:
 * <pre>
 *   D[0][0] = 0,  D[i][0] = D[0][j] = +inf (i, j &gt; 0),
 *   D[i][j] = |x_i - y_j|^2 + min(D[i-1][j], D[i][j-1], D[i-1][j-1])   inside the band
 *   D[i][j] = +inf                                                      outside it
 * </pre>
 * where |.|^2 is the squared Euclidean distance between the two steps; the band is every cell
 * without a window, else -max(0, n-m) - w &lt;= j - i &lt;= max(0, m-n) + w ({@link DtwBand}), which is
 * dtaidistance's {@code window = w + 1}. The result is sqrt(D[n][m]). Only the band is computed, so a
 * pair costs O(n * (|n - m| + 2w + 1)) rather than O(n * m). {@link #computeRow} honours a bound:
 * pairs beyond it are ruled out by lower bounds or abandoned early ({@link DtwPrunedRow}). A tile row runs groups of
 * equally long columns on SIMD lanes ({@link DtwLanes}), bit-identical to the scalar loop.
 */
public final class DtwKernel extends DoubleKernel<DtwKernel.Scratch> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "dtw";
    public static final String CHANNELS = "channels";
    private static final List<String> PRUNED_BY = List.of("lb_kim", "lb_keogh", "early_abandon");

    private static final List<Param> PARAMS = List.of(
            Param.ofInt("window", null, 0, Integer.MAX_VALUE,
                    "band half-width w: -max(0,n-m)-w <= j-i <= max(0,m-n)+w (dtaidistance window=w+1); unset: none"),
            Param.ofInt(CHANNELS, null, 1, 1 << 20,
                    "values per time step d: a row of n*d values is n steps of d channels (unset: 1, or the last axis of a 3-D input)"));

    /** The band half-width, or -1 for none. */
    private final int window;
    /** Values per time step. */
    private final int channels;

    /** Two DP rows over y (previous and current). */
    public static final class Scratch {
        final double[] prev;
        final double[] cur;
        /** The SIMD lanes' scratch, or null when they are not used ({@link DtwLanes}). */
        final DtwLanes lanes;
        /** Tile rows under a finite bound: the lower-bound cascade and its counts. */
        final DtwPrunedRow pruned;

        Scratch(int maxLength) {
            this.prev = new double[maxLength + 1];
            this.cur = new double[maxLength + 1];
            this.lanes = DtwLanes.forRows(maxLength);
            this.pruned = new DtwPrunedRow(maxLength, lanes);
        }
    }

    /** No window, one channel. */
    public DtwKernel() {
        this(-1, 1);
    }

    private DtwKernel(int window, int channels) {
        this.window = window;
        this.channels = channels;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "dynamic time warping distance as dtaidistance (squared Euclidean cost per step, sqrt of the total), optional window";
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
        return new DtwKernel(values.isSet("window") ? values.getInt("window") : -1,
                values.isSet(CHANNELS) ? values.getInt(CHANNELS) : 1);
    }

    /** Every row must be a whole number of steps, at least one. */
    @Override
    public void checkRows(Rows rows, String where) {
        for (int i = 0; i < rows.rows(); i++) {
            int length = rows.length(i);
            if (length == 0 || length % channels != 0) {
                String id = rows.ids() == null ? "" : " (" + rows.ids()[i] + ")";
                throw new UserError("row " + i + id + " has " + length + " values, "
                        + (length == 0 ? "an empty series" : "not a multiple of channels=" + channels)
                        + " (kernel " + NAME + ")", where);
            }
        }
    }

    /** Only the band is computed: about max(n, m) × (|n − m| + 2w + 1) cells, each d values. */
    @Override
    public double pairCost(int lenA, int lenB) {
        long n = lenA / channels;
        long m = lenB / channels;
        if (window < 0) {
            return (double) n * m * channels;
        }
        long width = Math.abs(n - m) + 2L * window + 1;
        return (double) Math.max(n, m) * Math.min(Math.min(n, m), width) * channels;
    }

    @Override
    public long scratchBytes(int maxLength) {
        return 2 * 8L * (maxLength + 1) + DtwLanes.bytes(maxLength) + DtwPrunedRow.bytes(maxLength);
    }

    /** A tile row takes its columns {@link DtwLanes#WIDTH} at a time where the lanes are used. */
    @Override
    public int minTileWidth() {
        return Math.max(1, DtwLanes.WIDTH);
    }

    @Override
    public Scratch newScratch(int maxLength) {
        return new Scratch(maxLength);
    }

    @Override
    protected double compute(double[] xs, int xOff, int xLen, double[] ys, int yOff, int yLen, Scratch scratch) {
        int n = xLen / channels;
        int m = yLen / channels;
        return Math.sqrt(DtwBand.full(xs, xOff, n, ys, yOff, m, channels, band(), scratch.prev, scratch.cur));
    }

    /** Stops a pair once it provably passes the bound (see {@link #computeRow}). */
    @Override
    public boolean usesBound() {
        return true;
    }

    /** A stopped pair gets a lower bound of its distance ({@link DtwPrunedRow}). */
    @Override
    public boolean stoppedValuesAreBounds() {
        return true;
    }

    /** LB_Kim and LB_Keogh of each pair ({@link DtwBounds#lowerBounds}), as distances. */
    @Override
    public boolean lowerBounds(Rows a, int i, Rows b, int jFrom, int jTo, double bound, Scratch scratch, double[] out,
                               int outOffset) {
        scratch.pruned.bounds().lowerBounds((DoubleRows) a, i, (DoubleRows) b, jFrom, jTo, channels, band(),
                DtwBand.squaredThreshold(bound), out, outOffset);
        for (int at = outOffset; at < outOffset + (jTo - jFrom); at++) {
            out[at] = Math.sqrt(out[at]);
        }
        return true;
    }

    /** The cascade and the lanes (W equally long survivors at a time) on the given columns; exact without a bound. */
    @Override
    public void computeColumns(Rows a, int i, Rows b, int[] columns, int count, double bound, Scratch scratch,
                               double[] out, int base) {
        scratch.pruned.runColumns((DoubleRows) a, i, (DoubleRows) b, columns, count, channels, band(),
                DtwBand.squaredThreshold(bound), scratch, out, base);
    }

    /** The bounds of the cascade under a bound, as the summary names them (docs/kernels.md, "DTW pruning"). */
    @Override
    public List<String> prunedBy() {
        return PRUNED_BY;
    }

    @Override
    public long[] pruned(Scratch scratch) {
        return scratch.pruned.pruned();
    }

    /**
     * Row i against columns jFrom..jTo-1: groups of equally long columns on the SIMD lanes
     * ({@link DtwLanes}), the rest one by one. With a finite bound every pair first meets the lower bounds
     * of {@link DtwBounds} and the survivors are abandoned early ({@link DtwPrunedRow}).
     */
    @Override
    public void computeRow(Rows a, int i, Rows b, int jFrom, int jTo, double bound, Scratch scratch, double[] out,
                           int outOffset) {
        double t = DtwBand.squaredThreshold(bound);
        DoubleRows x = (DoubleRows) a;
        DoubleRows y = (DoubleRows) b;
        int w = band();
        if (t != Double.POSITIVE_INFINITY) {
            scratch.pruned.run(x, i, y, jFrom, jTo, channels, w, t, scratch, out, outOffset);
            return;
        }
        int j = jFrom;
        if (scratch.lanes != null) {
            for (; j + DtwLanes.WIDTH <= jTo; j += DtwLanes.WIDTH) {
                if (!scratch.lanes.group(x, i, y, j, channels, w, t, out, outOffset + (j - jFrom))) {
                    scalar(x, i, y, j, j + DtwLanes.WIDTH, w, scratch, out, outOffset + (j - jFrom));
                }
            }
        }
        scalar(x, i, y, j, jTo, w, scratch, out, outOffset + (j - jFrom));
    }

    /** Columns jFrom..jTo-1 one by one on {@link DtwBand}, exact. */
    private void scalar(DoubleRows x, int i, DoubleRows y, int jFrom, int jTo, int w, Scratch scratch, double[] out,
                        int outOffset) {
        int n = x.length(i) / channels;
        for (int j = jFrom; j < jTo; j++) {
            out[outOffset + (j - jFrom)] = Math.sqrt(DtwBand.full(x.data(), x.offset(i), n, y.data(), y.offset(j),
                    y.length(j) / channels, channels, w, scratch.prev, scratch.cur));
        }
    }

    private int band() {
        return window < 0 ? Integer.MAX_VALUE : window;
    }

    @Override
    public String toString() {
        return NAME + "(window=" + (window < 0 ? "none" : Integer.toString(window)) + ", channels=" + channels + ")";
    }
}
