package allpairs.spec;

import allpairs.UserError;

/**
 * The validated job description; the only place the rest of the job reads options from.
 *
 * @param input the m×n int8 {@code .npy} (any Hadoop path)
 * @param output where the matrix goes (any Hadoop path)
 * @param format npy or parquet
 * @param kernel the kernel name
 * @param blockSize rows per block, or null for the default
 * @param partitions Spark partitions for the compute stage, or null for the default
 * @param overwrite replace an existing output
 * @param summaryJson also write the summary JSON here, or null
 */
public record JobSpec(String input, String output, OutputFormat format, String kernel, Integer blockSize,
                      Integer partitions, boolean overwrite, String summaryJson) {
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
        positive(blockSize, "--block-size");
        positive(partitions, "--partitions");
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
