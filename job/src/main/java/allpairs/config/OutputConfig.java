package allpairs.config;

import allpairs.UserError;


/**
 * Where and how the result is written.
 *
 * @param path where the matrix goes (any Hadoop path)
 * @param format npy, parquet, or csv/tsv (edge lists only); null: {@link Defaults#outputFormat} of the path
 * @param overwrite replace an existing output
 * @param options float32, condensed layout or an edge list; null for the dense float64 matrix
 * @param summaryJson also write the summary JSON here, or null
 * @param preview also draw a PNG picture of the result (--preview), or null
 */
public record OutputConfig(String path, OutputFormat format, boolean overwrite, OutputOptions options,
                           String summaryJson, PreviewConfig preview) {
    public OutputConfig {
        JobConfig.require(path, "--output");
        boolean formatAsked = format != null;
        format = format == null ? Defaults.outputFormat(path) : format;
        options = options == null ? OutputOptions.dense() : options;
        if (options.layout() == DenseLayout.CONDENSED && format != OutputFormat.NPY) {
            throw new UserError(formatAsked
                    ? "--layout condensed writes a .npy of a square symmetric matrix: not with Parquet output"
                    : "--layout condensed writes a .npy: end --output in .npy (" + path
                            + " would be a Parquet directory)", "option --layout");
        }
        OutputName.check(path, format, formatAsked);
        if (format.edgesOnly() && !options.sparse()) {
            throw new UserError("--format " + format.label() + " writes edge lists (--keep or --top-k): a dense matrix goes"
                    + " to .npy or Parquet", formatAsked ? "option --format" : "option --output");
        }
    }

    public OutputConfig(String path, OutputFormat format, boolean overwrite, OutputOptions options,
                        String summaryJson) {
        this(path, format, overwrite, options, summaryJson, null);
    }

    /** A plain dense matrix at {@code path}. */
    public static OutputConfig at(String path) {
        return new OutputConfig(path, null, false, null, null);
    }
}
