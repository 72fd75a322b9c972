package allpairs.kernel;

/** Which way is "closer". */
public enum KernelKind {
    /** Smaller is closer (levenshtein, dtw). */
    DISTANCE,
    /** Larger is closer (nw, sw, mi, seed). */
    SCORE;

    /** The bound that asks for every value exact: +inf for a distance, -inf for a score. */
    public double unbounded() {
        return this == DISTANCE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** True when {@code value} is on the close side of {@code bound} (at most it for a distance, at least for a score). */
    public boolean within(double value, double bound) {
        return this == DISTANCE ? value <= bound : value >= bound;
    }
}
