package allpairs.kernel;

import java.util.Arrays;

/**
 * The band envelopes of the rows of one {@link DoubleRows} (LB_Keogh's U and L): for step s and channel
 * k, the largest and smallest value of that channel over steps s - w .. s + w of the same row (the
 * steps a pair of equally long rows can align with step s under window w). Each row's envelope is
 * computed the first time a pair asks for it and kept for the rest of the task, as long as the same
 * rows object comes back (the broadcast rows: a whole task; a block join: its blocks).
 */
final class DtwEnvelopes {
    private DoubleRows of;
    private double[] upper = new double[0];
    private double[] lower = new double[0];
    private boolean[] done = new boolean[0];

    /** The envelopes of {@code rows}' row r, at {@code rows.offset(r)} of {@link #upper()} and {@link #lower()}. */
    void prepare(DoubleRows rows, int r, int d, int w) {
        if (rows != of) {
            of = rows;
            int values = rows.data().length;
            if (upper.length < values) {
                upper = new double[values];
                lower = new double[values];
            }
            if (done.length < rows.rows()) {
                done = new boolean[rows.rows()];
            } else {
                Arrays.fill(done, false);
            }
        }
        if (!done[r]) {
            compute(rows.data(), rows.offset(r), rows.length(r) / d, d, w);
            done[r] = true;
        }
    }

    double[] upper() {
        return upper;
    }

    double[] lower() {
        return lower;
    }

    /** Per channel, the min and max over the window around each step (the whole row when w ≥ n - 1). */
    private void compute(double[] data, int off, int n, int d, int w) {
        for (int k = 0; k < d; k++) {
            for (int s = 0; s < n; s++) {
                int from = (int) Math.max(0L, (long) s - w);
                int to = (int) Math.min(n - 1L, (long) s + w);
                if (s > 0 && from == 0 && (long) s - 1 + w >= n - 1) { // step s - 1 saw the whole row too
                    upper[off + s * d + k] = upper[off + (s - 1) * d + k];
                    lower[off + s * d + k] = lower[off + (s - 1) * d + k];
                    continue;
                }
                double hi = Double.NEGATIVE_INFINITY;
                double lo = Double.POSITIVE_INFINITY;
                for (int t = from; t <= to; t++) {
                    double v = data[off + t * d + k];
                    hi = Math.max(hi, v);
                    lo = Math.min(lo, v);
                }
                upper[off + s * d + k] = hi;
                lower[off + s * d + k] = lo;
            }
        }
    }
}
