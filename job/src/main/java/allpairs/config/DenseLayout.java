package allpairs.config;

/** How a dense matrix is laid out in the output. */
public enum DenseLayout {
    /** The full m×m (or m×k) matrix. */
    SQUARE,
    /** The upper triangle without the diagonal, 1-D, in SciPy's pdist order (squareform reads it). */
    CONDENSED
}
