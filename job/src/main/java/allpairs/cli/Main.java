package allpairs.cli;

import allpairs.UserError;
import allpairs.io.AtomicFile;
import allpairs.io.AtomicOutput;
import allpairs.io.HadoopFs;
import allpairs.io.InputFormat;
import allpairs.io.RowsInput;
import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import allpairs.kernel.Kernels;
import allpairs.plan.Plan;
import allpairs.spark.AllPairsJob;
import allpairs.spark.Planning;
import allpairs.spark.JobResult;
import allpairs.spark.SparkSessions;
import allpairs.spec.DenseLayout;
import allpairs.spec.JobSpec;
import allpairs.spec.OutputOptions;
import allpairs.spec.OutputFormat;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line, and the single place exceptions become exit codes: 0 success, 2 user error
 * (one line, no stack trace, nothing written), 1 internal error.
 */
@Command(name = "allpairs", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        subcommands = KernelsCommand.class,
        sortOptions = false, showDefaultValues = true, usageHelpAutoWidth = true,
        description = "Computes out[i][j] = kernel(row i, row j) for every pair of rows (a .npy matrix, text lines or"
                + " FASTA records) on Spark, and writes the m x m float64 matrix (m x k with --against) as .npy or"
                + " Parquet. 'allpairs kernels' lists the kernels and their parameters.",
        footer = {"", "Exit codes: 0 success, 2 bad input or option (nothing written), 1 internal error.",
                "Run it through ./submit.sh or spark-submit; the master comes from --master / spark.master."})
public final class Main implements Callable<Integer> {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USER_ERROR = 2;
    /** Environment variable naming the job defaults file (submit.sh points it at conf/). */
    public static final String DEFAULTS_ENV = "ALLPAIRS_DEFAULTS";
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--input", paramLabel = "PATH",
            description = "The rows: .npy (m x n), .txt[.gz] (one sequence per line) or .fa/.fasta/.fna[.gz];"
                    + " any Hadoop path (file:, hdfs:, s3a: ...).")
    String input;

    @Option(names = "--input-format", paramLabel = "npy|text|fasta",
            description = "Input format (also of --against). Default: from the file name.")
    String inputFormat;

    @Option(names = "--against", paramLabel = "PATH",
            description = "Reference rows: out[i][j] = kernel(input row i, reference row j), an m x k matrix.")
    String against;

    @Option(names = "--output", paramLabel = "PATH", description = "Where the m x m matrix goes; must not exist unless --overwrite.")
    String output;

    @Option(names = "--format", paramLabel = "npy|parquet",
            description = "Output format. Default: npy when --output ends in .npy, otherwise parquet.")
    String format;

    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = JobSpec.KERNEL_DEFAULT,
            description = "Pair kernel (known: ${COMPLETION-CANDIDATES}).", completionCandidates = KernelNames.class)
    String kernel;

    @Option(names = "--kernel-param", paramLabel = "KEY=VALUE",
            description = "A kernel parameter (repeatable); see 'allpairs kernels'.")
    List<String> kernelParams = new ArrayList<>();

    @Option(names = "--list-kernels", description = "List the kernels with their parameters and defaults, and exit.")
    boolean listKernels;

    @Option(names = "--block-size", paramLabel = "ROWS",
            description = "Rows per block (>= 1). Default: rows spread evenly over the fewest bands giving >= 4 tiles"
                    + " per core, each band (block x m x 8 bytes) <= 32 MiB.")
    Integer blockSize;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Spark partitions of the compute stage (>= 1). Default: 2 per core (1 per core when that"
                    + " packs the tiles clearly better), at most one per tile.")
    Integer partitions;

    @Option(names = "--dtype", paramLabel = "float64|float32", defaultValue = "float64",
            description = "Dense output values; float32 rounds once at the end (kernels compute in double).")
    String dtype;

    @Option(names = "--layout", paramLabel = "square|condensed", defaultValue = "square",
            description = "condensed: the upper triangle without the diagonal as a 1-D .npy in SciPy's pdist order"
                    + " (squareform reads it); symmetric kernels without --against only.")
    String layout;

    @Option(names = "--keep", paramLabel = "below=X|above=X",
            description = "An edge list of the pairs with value <= X (below) or >= X (above), filtered inside the tasks:"
                    + " i < j for a symmetric kernel (see --include-self, --both-directions).")
    String keep;

    @Option(names = "--top-k", paramLabel = "K",
            description = "An edge list of each row's K closest partners (ascending for distance kernels, descending"
                    + " for score kernels, ties to the lower j; self excluded unless --include-self).")
    Integer topK;

    @Option(names = "--include-self", description = "Edge lists include i == j.")
    boolean includeSelf;

    @Option(names = "--both-directions", description = "--keep lists (j, i) as well as (i, j) for a symmetric kernel.")
    boolean bothDirections;

    @Option(names = "--overwrite", description = "Replace an existing output (the old one is removed only after the new one is in place).")
    boolean overwrite;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Store finished tiles in DIR (shared by driver and executors); a rerun after a crash"
                    + " computes only the missing ones.")
    String checkpoint;

    @Option(names = "--broadcast-limit", paramLabel = "SIZE",
            description = "Rows larger than this (e.g. 256m, 2g; 0 forces it) are not broadcast: each tile group is"
                    + " joined with just the row blocks it needs. Default: a quarter of spark.executor.memory.")
    String broadcastLimit;

    @Option(names = "--memory-budget", paramLabel = "SIZE",
            description = "Memory one task may use (e.g. 256m); the block size is chosen from the kernel's scratch,"
                    + " the rows and the result blocks. Default: 60% of an executor's memory per concurrent task.")
    String memoryBudget;

    @Option(names = "--explain", description = "Print the plan (one JSON line) without running it.")
    boolean explain;

    @Option(names = "--summary-json", paramLabel = "PATH", description = "Also write the summary JSON to this file (atomically).")
    String summaryJson;

    @Option(names = "--progress", paramLabel = "on|off", defaultValue = "on",
            description = "A progress line on stderr every --progress-interval seconds (tiles done/total, pairs/s, ETA).")
    String progress;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between progress lines.")
    double progressInterval;

    @Option(names = "--verbose", description = "Debug logging, and stack traces for every error.")
    boolean verbose;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private PrintStream out = System.out;
    private PrintStream err = System.err;

    PrintStream out() {
        return out;
    }
    private SparkConf sparkConf;

    /** Names for picocli's help text. */
    static final class KernelNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Kernels.names().iterator();
        }
    }

    public static void main(String[] args) {
        int code = execute(args, System.out, System.err, new SparkConf());
        System.exit(code);
    }

    /**
     * Runs the command and returns its exit code instead of exiting. {@code sparkConf} is the base
     * configuration (spark-submit fills it from system properties).
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, SparkConf sparkConf) {
        String defaults = System.getenv(DEFAULTS_ENV);
        return execute(args, out, err, sparkConf, defaults == null || defaults.isBlank() ? null : new File(defaults));
    }

    /** As above, with option defaults from a properties file (keys: option names without dashes). */
    public static int execute(String[] args, PrintStream out, PrintStream err, SparkConf sparkConf, File defaults) {
        Main main = new Main();
        main.out = out;
        main.err = err;
        main.sparkConf = sparkConf;
        CommandLine cmd = new CommandLine(main);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        if (defaults != null && defaults.isFile()) {
            cmd.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(defaults));
        }
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("allpairs: error: " + lowerFirst(ex.getMessage()) + ", command line");
            return USER_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean verbose = main.verbose;
            if (ex instanceof UserError) {
                err.println("allpairs: error: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                return USER_ERROR;
            }
            if (SignalGuard.interrupted()) {
                return INTERNAL_ERROR; // the JVM is exiting 143/130 on the signal; the hook said why
            }
            LOG.error("internal error", ex);
            err.println("allpairs: internal error: " + ex);
            return INTERNAL_ERROR;
        });
        return cmd.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (verbose) {
            Configurator.setLevel("allpairs", Level.DEBUG);
        }
        if (listKernels) {
            KernelsCommand.print(out);
            return OK;
        }
        JobSpec spec = new JobSpec(input, inputFormat == null ? null : InputFormat.parse(inputFormat, "--input-format"),
                against, output, parseFormat(format), kernel, kernelParams, blockSize, partitions, overwrite,
                summaryJson, progressSeconds(), checkpoint, parseSize(broadcastLimit, "--broadcast-limit"),
                outputOptions(), parseSize(memoryBudget, "--memory-budget"));
        // Everything the user gave is checked here, on the driver, before Spark starts.
        Configuration hadoop = HadoopFs.configuration(sparkConf);
        Kernel<?> configured = Kernels.configured(spec.kernel(), spec.kernelParams());
        Path target = new Path(spec.output());
        AtomicOutput.checkTarget(HadoopFs.of(target, hadoop), target, spec.overwrite(), "option --output");
        AtomicFile.checkTarget(spec.summaryJson(), hadoop, "--summary-json");
        Rows query = RowsInput.read(spec.input(), spec.inputFormat(), configured.elementType(), configured.name(),
                "--input", hadoop);
        Rows reference = spec.against() == null ? null
                : RowsInput.read(spec.against(), spec.inputFormat(), configured.elementType(), configured.name(),
                        "--against", hadoop);
        checkLengths(configured, query, spec.input(), reference, spec.against());
        if (spec.outputOptions().layout() == DenseLayout.CONDENSED && !configured.symmetric()) {
            throw new UserError("--layout condensed needs a symmetric kernel; " + configured.name() + " is not",
                    "option --layout");
        }
        if (explain) {
            int cores = Planning.coresFromConf(sparkConf);
            long budget = spec.memoryBudget() != null ? spec.memoryBudget() : Planning.defaultBudget(sparkConf, cores);
            long limit = spec.broadcastLimit() != null ? spec.broadcastLimit() : Planning.defaultBroadcastLimit(sparkConf);
            Plan plan = Planning.plan(spec, configured, query, reference, cores, budget);
            out.println(JSON.writeValueAsString(Planning.explain(plan, configured, query, reference, budget, limit)));
            out.flush();
            return OK;
        }
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        if (ownSession && !sparkConf.contains("spark.master")) {
            throw new UserError("no Spark master is set", "run through ./submit.sh or spark-submit --master,"
                    + " or set spark.master");
        }
        // The output's lock is taken before Spark starts: a second run on it fails in a second.
        FileSystem outputFs = HadoopFs.of(target, hadoop);
        AtomicOutput output = AtomicOutput.begin(outputFs, outputFs.makeQualified(target), spec.overwrite());
        try (SignalGuard guard = SignalGuard.install(output, err)) {
            SparkSession spark = SparkSessions.start(sparkConf);
            guard.watch(spark);
            try {
                JobResult result = AllPairsJob.run(spec, configured, query, reference, spark, err, output);
                String json = Summary.json(result);
                if (spec.summaryJson() != null) {
                    writeSummary(json, spec.summaryJson(), hadoop);
                }
                out.println(json);
                out.flush();
                return OK;
            } finally {
                if (ownSession) {
                    spark.stop();
                }
            }
        } finally {
            output.abort(); // a no-op once committed
        }
    }

    /** Kernels such as seed and mi need rows of one length, across --input and --against. */
    private static void checkLengths(Kernel<?> kernel, Rows query, String queryFile, Rows reference, String refFile) {
        if (!kernel.needsEqualLengths()) {
            return;
        }
        int expected = query.length(0);
        for (int i = 0; i < query.rows(); i++) {
            if (query.length(i) != expected) {
                throw new UserError("row " + i + " has length " + query.length(i) + " but row 0 has length " + expected
                        + "; kernel " + kernel.name() + " needs rows of equal length", queryFile);
            }
        }
        if (reference != null) {
            for (int j = 0; j < reference.rows(); j++) {
                if (reference.length(j) != expected) {
                    throw new UserError("row " + j + " has length " + reference.length(j) + " but the input rows have"
                            + " length " + expected + "; kernel " + kernel.name() + " needs rows of equal length", refFile);
                }
            }
        }
    }

    private double progressSeconds() {
        if (!"on".equals(progress) && !"off".equals(progress)) {
            throw new UserError("Cannot set --progress to '" + progress + "': must be on or off", "option --progress");
        }
        if (!(progressInterval > 0) || Double.isInfinite(progressInterval)) {
            throw new UserError("Cannot set --progress-interval to " + progressInterval + ": must be > 0 seconds",
                    "option --progress-interval");
        }
        return "on".equals(progress) ? progressInterval : 0;
    }

    private OutputOptions outputOptions() {
        if (!dtype.equals("float64") && !dtype.equals("float32")) {
            throw new UserError("Cannot set --dtype to '" + dtype + "': must be float64 or float32", "option --dtype");
        }
        DenseLayout dense;
        try {
            dense = DenseLayout.valueOf(layout.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("Cannot set --layout to '" + layout + "': must be square or condensed", "option --layout");
        }
        return new OutputOptions(dtype.equals("float32"), dense, keep == null ? null : OutputOptions.Threshold.parse(keep),
                topK, includeSelf, bothDirections);
    }

    private static Long parseSize(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            long bytes = org.apache.spark.network.util.JavaUtils.byteStringAsBytes(text.trim());
            if (bytes < 0 || (bytes == 0 && option.equals("--memory-budget"))) {
                throw new NumberFormatException();
            }
            return bytes;
        } catch (RuntimeException e) {
            throw new UserError("Cannot set " + option + " to '" + text + "': expected a size such as 0, 512m or 2g",
                    "option " + option);
        }
    }

    private static OutputFormat parseFormat(String format) {
        if (format == null) {
            return null;
        }
        try {
            return OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown format '" + format + "' (known: npy, parquet)", "option --format");
        }
    }

    private static void writeSummary(String json, String location, Configuration hadoop) throws IOException {
        AtomicFile.write(location, json + "\n", hadoop);
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "invalid command line" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
