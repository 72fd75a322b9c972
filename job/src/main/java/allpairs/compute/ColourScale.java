package allpairs.compute;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The preview's colour scale: where black and white lie, from robust limits (the 1st and 99th
 * percentiles of the cells) rather than the extremes, so that a few outlying blocks cannot turn
 * everything else one grey; optionally on log10 of the cells. Cells beyond the limits are drawn at
 * the nearer end. Pure arithmetic on the driver's block grid; no Spark here.
 *
 * @param low the value drawn black (log10 of it when {@code log})
 * @param high the value drawn white
 * @param log whether cells are drawn by their log10 ({@link #apply})
 */
public record ColourScale(double low, double high, boolean log) {
    static final double LOW_PERCENTILE = 1;
    static final double HIGH_PERCENTILE = 99;

    /**
     * The scale for these cells.
     *
     * @param cells the block grid (NaN: no value)
     * @param fromZero edge densities: 0 (an empty block) is black and the limits come from the non-empty blocks
     */
    public static ColourScale of(double[] cells, boolean log, boolean fromZero) {
        double[] shown = transform(cells, log);
        double[] sample = Arrays.stream(shown).filter(v -> Double.isFinite(v)).toArray();
        if (fromZero && !log) {
            sample = Arrays.stream(sample).filter(v -> v > 0).toArray();
        }
        if (sample.length == 0) { // nothing to scale (an empty edge list, a log of no positive cell)
            return new ColourScale(0, 1, log);
        }
        Percentile percentile = new Percentile();
        percentile.setData(sample);
        double high = percentile.evaluate(HIGH_PERCENTILE);
        if (fromZero) { // empty blocks black: linear from 0, log from half the sparsest block (so it is not black)
            return new ColourScale(log ? Arrays.stream(sample).min().getAsDouble() - Math.log10(2) : 0, high, log);
        }
        return new ColourScale(percentile.evaluate(LOW_PERCENTILE), high, log);
    }

    /** The cells as drawn: themselves, or their log10 (0 and below: -infinity, drawn black). */
    public double[] apply(double[] cells) {
        return transform(cells, log);
    }

    private static double[] transform(double[] cells, boolean log) {
        if (!log) {
            return cells.clone();
        }
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            double v = cells[i];
            out[i] = Double.isNaN(v) ? Double.NaN : v > 0 ? Math.log10(v) : Double.NEGATIVE_INFINITY;
        }
        return out;
    }
}
