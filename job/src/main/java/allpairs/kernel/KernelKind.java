package allpairs.kernel;

/** Which way is "closer". */
public enum KernelKind {
    /** Smaller is closer (levenshtein, dtw). */
    DISTANCE,
    /** Larger is closer (nw, sw, mi, seed). */
    SCORE
}
