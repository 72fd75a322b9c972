package allpairs.config;

/** How the matrix is written. */
public enum OutputFormat {
    /** One NumPy {@code .npy} file, {@code <f8}, C order. */
    NPY,
    /** A Parquet directory, one record per matrix row: {@code i}, {@code values}. */
    PARQUET;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
