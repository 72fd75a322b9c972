package allpairs.config;

import java.util.Locale;

/** How the result is written. */
public enum OutputFormat {
    /** One NumPy {@code .npy} file, {@code <f8}, C order. */
    NPY,
    /** A Parquet directory, one record per matrix row: {@code i}, {@code values}. */
    PARQUET,
    /** Edge lists only: a directory of comma-separated part files, each with the header line. */
    CSV,
    /** As {@link #CSV}, tab-separated. */
    TSV;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** CSV and TSV hold an edge list (i, j, value, id_i, id_j) only: a dense matrix is not a table of text. */
    public boolean edgesOnly() {
        return this == CSV || this == TSV;
    }

    /** The format a file name promises by its extension, or null. */
    public static OutputFormat ofExtension(String ext) {
        return switch (ext.toLowerCase(Locale.ROOT)) {
            case "npy" -> NPY;
            case "parquet", "pq" -> PARQUET;
            case "csv" -> CSV;
            case "tsv" -> TSV;
            default -> null;
        };
    }
}
