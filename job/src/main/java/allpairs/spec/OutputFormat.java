package allpairs.spec;

/** How the matrix is written. */
public enum OutputFormat {
    /** One NumPy {@code .npy} file, {@code <f8}, C order. */
    NPY,
    /** A Parquet directory, one record per matrix row: {@code i}, {@code values}. */
    PARQUET;

    /** {@code npy} when the output path ends in {@code .npy}, otherwise {@code parquet}. */
    public static OutputFormat forOutput(String output) {
        return output.toLowerCase(java.util.Locale.ROOT).endsWith(".npy") ? NPY : PARQUET;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
