package allpairs.cli;

import allpairs.UserError;
import allpairs.config.Defaults;
import allpairs.config.JobConfig;
import allpairs.io.HadoopFs;
import allpairs.run.Run;
import allpairs.run.Summary;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line, and the single place exceptions become exit codes: 0 success, 2 user error
 * (one line, no stack trace, nothing written), 1 internal error. Nothing here needs Spark on the
 * classpath until a job runs: {@code java -cp allpairs-job.jar allpairs.cli.Main generate} works alone.
 */
@Command(name = "allpairs", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        subcommands = {KernelsCommand.class, GenerateCommand.class},
        sortOptions = false, showDefaultValues = true, usageHelpAutoWidth = true,
        description = "Computes out[i][j] = kernel(row i, row j) for every pair of rows (a .npy matrix, text lines,"
                + " FASTA or FASTQ records) on Spark, and writes the m x m float64 matrix (m x k with --against) as .npy or"
                + " Parquet. 'allpairs kernels' lists the kernels and their parameters; 'allpairs generate' writes a"
                + " random input.",
        footer = {"", "Exit codes: 0 success, 2 bad input or option (nothing written), 1 internal error,"
                        + " 130/143 interrupted (SIGINT/SIGTERM).",
                "Run it through ./submit.sh or spark-submit; the master comes from --master / spark.master."})
public final class Main implements Callable<Integer> {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USER_ERROR = 2;

    @ArgGroup(validate = false, heading = "%nInput%n")
    Options.Input input = new Options.Input();

    @ArgGroup(validate = false, heading = "%nKernel%n")
    Options.Kernel kernel = new Options.Kernel();

    @ArgGroup(validate = false, heading = "%nOutput%n")
    Options.Output output = new Options.Output();

    @ArgGroup(validate = false, heading = "%nPlan%n")
    Options.Plan plan = new Options.Plan();

    @ArgGroup(validate = false, heading = "%nRun%n")
    Options.Run run = new Options.Run();

    @Option(names = "--explain", description = "Print the plan (one JSON line) without running it.")
    boolean explain;

    @Option(names = "--verbose", description = "Debug logging, and stack traces for every error.")
    boolean verbose;

    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private Map<String, String> spark;

    PrintStream out() {
        return out;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = execute(args, System.out, System.err, null);
        } catch (Throwable t) { // whatever escaped picocli: still one line and exit 1
            code = Failures.exitCode(t, System.err, false);
        }
        System.exit(code);
    }

    /**
     * Runs the command and returns its exit code instead of exiting, with option defaults from the
     * file {@link Defaults#FILE_ENV} names.
     *
     * @param spark the Spark settings; null: spark-submit's, from the system properties
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> spark) {
        String defaults = System.getenv(Defaults.FILE_ENV);
        return execute(args, out, err, spark, defaults == null || defaults.isBlank() ? null : new File(defaults));
    }

    /** As above, with option defaults from a properties file (keys: option names without dashes). */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> spark,
                              File defaults) {
        Main main = new Main();
        main.out = out;
        main.err = err;
        main.spark = spark;
        CommandLine cmd = new CommandLine(main);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        if (defaults != null && defaults.isFile()) {
            cmd.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(defaults));
        }
        Converters.registerNumbers(cmd);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("allpairs: error: " + (ex.getCause() instanceof UserError user ? user.getMessage()
                    : lowerFirst(Failures.firstLine(ex.getMessage())) + suggestions(ex) + ", command line"));
            return USER_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> Failures.exitCode(ex, err, main.verbose));
        try {
            return cmd.execute(RepeatedOptions.check(cmd.getCommandSpec(), args));
        } catch (Throwable t) { // an Error picocli lets through
            return Failures.exitCode(t, err, main.verbose);
        }
    }

    @Override
    public Integer call() throws IOException {
        if (verbose) {
            Run.logDebug();
        }
        allpairs.spark.SparkLine.requireMatch(); // a jar for the other Spark line: one line, exit 2
        JobConfig job = new JobConfig(input.config(), kernel.config(), output.config(), plan.config(), run.config());
        Map<String, String> settings = spark != null ? spark : Run.sparkSettingsFromSystem();
        if (job.kernel().name() == null) { // no default kernel: say which ones fit
            throw KernelAdvice.missingKernel(job.input(), HadoopFs.configuration(settings));
        }
        String json = explain ? Run.explain(job, settings) : Summary.json(Run.execute(job, settings, err));
        out.println(json);
        out.flush();
        return OK;
    }

    /** Picocli's guesses for a mistyped option or subcommand: " (did you mean --kernel?)". */
    private static String suggestions(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        return "";
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? "invalid command line" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
