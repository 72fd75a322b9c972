package allpairs.cli;

import allpairs.UserError;
import allpairs.config.DenseLayout;
import allpairs.config.Defaults;
import allpairs.config.InputConfig;
import allpairs.config.KernelConfig;
import allpairs.config.OutputConfig;
import allpairs.io.OutputDtype;
import allpairs.config.OutputFormat;
import allpairs.config.OutputOptions;
import allpairs.config.PlanConfig;
import allpairs.config.RunConfig;
import allpairs.config.TableOptions;
import allpairs.io.InputFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The job's options, one group per concern; each group becomes its {@code config} record. */
final class Options {
    private Options() {
    }

    /** --progress on|off. */
    enum Switch { ON, OFF }

    static final class Input {
        @Option(names = "--input", paramLabel = "PATH",
                description = "The rows: .npy (m x n), .txt[.gz] (one sequence per line), .fa/.fasta/.fna[.gz]"
                        + " or .fq/.fastq[.gz]; any Hadoop path (file:, hdfs:, s3a: ...); or a table: .parquet, .orc,"
                        + " .csv, .json (a file or directory) or table:db.name (a catalog table).")
        String input;

        @Option(names = "--input-format", paramLabel = "npy|npz|text|fasta|fastq|parquet|orc|csv|json",
                converter = Converters.InputFormats.class,
                description = "Input format (also of --against). Default: from the file name.")
        InputFormat format;

        @Option(names = "--id-column", paramLabel = "NAME",
                description = "A table's column of row ids (strings or integers). Default: none, rows are numbered.")
        String idColumn;

        @Option(names = "--value-column", paramLabel = "NAME",
                description = "A table's column of values: string or binary (symbol rows) or an array of numbers."
                        + " Default: the only such column besides the id column.")
        String valueColumn;

        @Option(names = "--order-by-id",
                description = "Sort a table's rows by --id-column (otherwise: the order Spark reads them in).")
        boolean orderById;

        @Option(names = "--against", paramLabel = "PATH",
                description = "Reference rows: out[i][j] = kernel(input row i, reference row j), an m x k matrix.")
        String against;

        InputConfig config() {
            return new InputConfig(input, against, format, new TableOptions(idColumn, valueColumn, orderById));
        }
    }

    static final class Kernel {
        @Option(names = "--kernel", paramLabel = "NAME",
                description = "Pair kernel, required (known: ${COMPLETION-CANDIDATES}); without it the run names the"
                        + " kernels that fit the input.",
                completionCandidates = Converters.KernelNames.class)
        String name;

        @Option(names = "--kernel-param", paramLabel = "KEY=VALUE",
                description = "A kernel parameter (repeatable); see 'allpairs kernels'.")
        List<String> params = new ArrayList<>();

        KernelConfig config() {
            return new KernelConfig(name, params);
        }
    }

    static final class Output {
        @Option(names = "--output", paramLabel = "PATH",
                description = "Where the m x m matrix goes; must not exist unless --overwrite.")
        String path;

        @Option(names = "--format", paramLabel = "npy|parquet|csv|tsv", converter = Converters.OutputFormats.class,
                description = "Output format; csv and tsv for --keep/--top-k edge lists (a directory of part files, each"
                        + " with the header i,j,value,id_i,id_j). Default: from --output's extension, otherwise parquet.")
        OutputFormat format;

        @Option(names = "--dtype", paramLabel = "float64|float32|int32|int16", defaultValue = Defaults.DTYPE,
                converter = Converters.Dtypes.class,
                description = "Output values; float32 (dense only) rounds once at the end (kernels compute in double);"
                        + " int32/int16 for kernels with integer values (levenshtein; nw, sw with integer scores).")
        OutputDtype dtype;

        @Option(names = "--layout", paramLabel = "square|condensed", defaultValue = Defaults.LAYOUT,
                converter = Converters.Layouts.class,
                description = "condensed: the upper triangle without the diagonal as a 1-D .npy in SciPy's pdist order"
                        + " (squareform reads it); symmetric kernels without --against only.")
        DenseLayout layout;

        @Option(names = "--keep", paramLabel = "below=X|above=X", converter = Converters.Thresholds.class,
                description = "An edge list of the pairs with value <= X (below) or >= X (above), filtered inside the"
                        + " tasks: i < j for a symmetric kernel (see --include-self, --both-directions).")
        OutputOptions.Threshold keep;

        @Option(names = "--top-k", paramLabel = "K",
                description = "An edge list of each row's K closest partners (ascending for distance kernels,"
                        + " descending for score kernels, ties to the lower j; self excluded unless --include-self).")
        Integer topK;

        @Option(names = "--include-self", description = "Edge lists include i == j.")
        boolean includeSelf;

        @Option(names = "--both-directions", description = "--keep lists (j, i) as well as (i, j) for a symmetric kernel.")
        boolean bothDirections;

        @Option(names = "--overwrite",
                description = "Replace an existing output (the old one is removed only after the new one is in place).")
        boolean overwrite;

        @Option(names = "--summary-json", paramLabel = "PATH",
                description = "Also write the summary JSON to this file (atomically).")
        String summaryJson;

        @Option(names = "--preview", paramLabel = "PATH.png",
                description = "Also draw the result here as a PNG (atomically, after the output): a heat map of"
                        + " block means (edge density per block for --keep/--top-k) and a histogram of the values.")
        String preview;

        @Option(names = "--preview-scale", paramLabel = "linear|log",
                description = "The preview's colours: linear (default) or log10 of the block means (densities);"
                        + " black and white at the 1st and 99th percentiles of the blocks, the diagonal left out.")
        String previewScale;

        @Option(names = "--preview-order", paramLabel = "input|clustered",
                description = "The preview's rows: input (default) or clustered (average-linkage leaf order of the"
                        + " blocks, written to PATH.order.json beside the PNG); not with --against.")
        String previewOrder;

        OutputConfig config() {
            return new OutputConfig(path, format, overwrite,
                    new OutputOptions(dtype, layout, keep, topK, includeSelf, bothDirections), summaryJson,
                    PreviewChoices.config(preview, previewScale, previewOrder));
        }
    }

    static final class Plan {
        @Option(names = "--block-size", paramLabel = "ROWS",
                description = "Rows per block (>= 1). Default: rows spread evenly over the fewest bands giving >= 4"
                        + " tiles per core, each band (block x m x 8 bytes) <= 32 MiB.")
        Integer blockSize;

        @Option(names = "--partitions", paramLabel = "N",
                description = "Spark partitions of the compute stage (>= 1). Default: 2 per core (1 per core when that"
                        + " packs the tiles clearly better), at most one per tile.")
        Integer partitions;

        @Option(names = "--memory-budget", paramLabel = "SIZE", converter = Converters.Budget.class,
                description = "Memory one task may use (e.g. 256m); the block size is chosen from the kernel's scratch,"
                        + " the rows and the result blocks. Default: 60%% of an executor's memory per concurrent task.")
        Long memoryBudget;

        @Option(names = "--broadcast-limit", paramLabel = "SIZE", converter = Converters.Limit.class,
                description = "Rows larger than this (e.g. 256m, 2g; 0 forces it) are not broadcast: each tile group is"
                        + " joined with just the row blocks it needs. Default: a quarter of spark.executor.memory.")
        Long broadcastLimit;

        PlanConfig config() {
            return new PlanConfig(blockSize, partitions, memoryBudget, broadcastLimit);
        }
    }

    static final class Run {
        @Option(names = "--checkpoint", paramLabel = "DIR",
                description = "Store finished tiles in DIR (shared by driver and executors); a rerun after a crash"
                        + " computes only the missing ones.")
        String checkpoint;

        @Option(names = "--checkpoint-replace",
                description = "If the --checkpoint DIR holds another job's checkpoint (say yesterday's input), replace"
                        + " it instead of refusing (exit 2). The same job still resumes.")
        boolean replaceCheckpoint;

        @Option(names = "--progress", paramLabel = "on|off", defaultValue = Defaults.PROGRESS,
                converter = Converters.Switches.class,
                description = "A progress line on stderr every --progress-interval seconds (tiles done/total, pairs/s,"
                        + " ETA).")
        Switch progress;

        @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = Defaults.PROGRESS_INTERVAL_SECONDS,
                description = "Seconds between progress lines.")
        double progressInterval;

        RunConfig config() {
            if (!(progressInterval > 0) || Double.isInfinite(progressInterval)) {
                throw new UserError("Cannot set --progress-interval to " + progressInterval + ": must be > 0 seconds",
                        "option --progress-interval");
            }
            return new RunConfig(progress == Switch.OFF ? 0 : progressInterval, checkpoint, replaceCheckpoint);
        }
    }
}
