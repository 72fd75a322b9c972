package allpairs.spec;

import allpairs.UserError;
import allpairs.io.InputFormat;
import java.util.List;

/**
 * The validated job description; the only place the rest of the job reads options from.
 *
 * @param input the query rows (any Hadoop path)
 * @param inputFormat npy, text or fasta; null to take it from the file name
 * @param against reference rows for a rectangular query × reference matrix, or null
 * @param output where the matrix goes (any Hadoop path)
 * @param format npy or parquet
 * @param kernel the kernel name
 * @param kernelParams {@code key=value} settings for the kernel
 * @param blockSize rows per block, or null for the default
 * @param partitions Spark partitions for the compute stage, or null for the default
 * @param overwrite replace an existing output
 * @param summaryJson also write the summary JSON here, or null
 * @param progressSeconds print a progress line on stderr this often; 0 for never
 * @param checkpoint directory of the resumable tile store, or null
 * @param broadcastLimit rows larger than this many bytes are block-joined, not broadcast; null for the default
 * @param outputOptions float32, condensed layout or an edge list; null for the dense float64 matrix
 * @param memoryBudget bytes one task may use (sizes the blocks); null for the default
 */
public record JobSpec(String input, InputFormat inputFormat, String against, String output, OutputFormat format,
                      String kernel, List<String> kernelParams, Integer blockSize, Integer partitions,
                      boolean overwrite, String summaryJson, double progressSeconds, String checkpoint,
                      Long broadcastLimit, OutputOptions outputOptions, Long memoryBudget) {
    public static final String KERNEL_DEFAULT = "seed";

    public JobSpec {
        require(input, "--input");
        require(output, "--output");
        if (format == null) {
            format = OutputFormat.forOutput(output);
        }
        if (kernel == null) {
            kernel = KERNEL_DEFAULT;
        }
        kernelParams = kernelParams == null ? List.of() : List.copyOf(kernelParams);
        if (outputOptions == null) {
            outputOptions = OutputOptions.dense();
        }
        if (outputOptions.layout() == DenseLayout.CONDENSED && (format != OutputFormat.NPY || against != null)) {
            throw new UserError("--layout condensed writes a .npy of a square symmetric matrix: not with "
                    + (against != null ? "--against" : "Parquet output"), "option --layout");
        }
        positive(blockSize, "--block-size");
        positive(partitions, "--partitions");
    }

    /** The common case: a square matrix of one .npy with default kernel parameters. */
    public static JobSpec of(String input, String output, String kernel, Integer blockSize, Integer partitions) {
        return new JobSpec(input, null, null, output, null, kernel, List.of(), blockSize, partitions, false, null, 0,
                null, null, null, null);
    }

    private static void require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new UserError("missing required option " + option, "command line");
        }
    }

    private static void positive(Integer value, String option) {
        if (value != null && value < 1) {
            throw new UserError("Cannot set " + option + " to " + value + ": must be an integer >= 1", "option " + option);
        }
    }
}
