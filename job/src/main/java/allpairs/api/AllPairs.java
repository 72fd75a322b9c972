package allpairs.api;

import allpairs.UserError;
import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.config.OutputConfig;
import allpairs.config.OutputOptions;
import allpairs.config.PlanConfig;
import allpairs.config.RunConfig;
import allpairs.io.InputFormat;
import allpairs.io.OutputDtype;
import allpairs.run.CallerRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * allpairs from a Spark program: {@code out[i][j] = kernel(row i, row j)} over the rows of a Dataset,
 * on the caller's own session, by the same code the command line runs (planner, kernels, sinks,
 * atomic commit).
 *
 * <pre>{@code
 * Dataset<Row> edges = AllPairs.on(spark)
 *     .rows(reads, "id", "seq")          // id column, value column (string, binary or array of numbers)
 *     .kernel("levenshtein")             // any registered kernel: 'allpairs kernels' lists them
 *     .keepBelow(3)                      // or keepAbove(x), topK(k)
 *     .edges();                          // lazy: i, j, value, id_i, id_j
 *
 * RunSummary s = AllPairs.on(spark).rows(proteins, "id", "seq").kernel("sw").param("matrix", "BLOSUM62")
 *     .against(queries, "id", "seq")
 *     .write("hdfs:///out/scores.npy");  // a full run, committed atomically
 * }</pre>
 *
 * <p>Each setting is the command-line option of the same name, with the same checks: a bad value,
 * bad rows or an existing output throw {@link UserError} carrying the one line the command line
 * prints (which names the option, e.g. {@code option --kernel-param window}). Settings are checked
 * when {@link #edges()} or {@link #write(String)} runs. The session is never stopped and its
 * configuration never changed; it may use Spark's Java serializer, or Kryo (with
 * {@code spark.kryo.registrationRequired=true}, add {@code allpairs.spark.KryoRegistration} to
 * {@code spark.kryo.registrator}). A builder is not thread-safe: start one per call with {@link #on}.
 * docs/api.md has the details.
 */
public final class AllPairs {
    /** What messages call the two Datasets. */
    static final String ROWS = "the rows Dataset";
    static final String AGAINST = "the against Dataset";

    private final SparkSession spark;
    private CallerRun.DatasetRows rows;
    private CallerRun.DatasetRows against;
    private String kernel;
    private final List<String> params = new ArrayList<>();
    private OutputOptions.Threshold keep;
    private Integer topK;
    private boolean includeSelf;
    private boolean bothDirections;
    private boolean overwrite;
    private String checkpoint;
    private boolean replaceCheckpoint;

    private AllPairs(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
    }

    /** A new job on the caller's session (never stopped or reconfigured by allpairs). */
    public static AllPairs on(SparkSession spark) {
        return new AllPairs(spark);
    }

    /**
     * The rows: one per record of {@code table}.
     *
     * @param idColumn the column of row ids (strings or integers; unique), or null to number the rows
     * @param valueColumn the values: a string or binary column (symbol rows) or an array of numbers (dtw)
     */
    public AllPairs rows(Dataset<Row> table, String idColumn, String valueColumn) {
        rows = new CallerRun.DatasetRows(Objects.requireNonNull(table, "table"), idColumn, valueColumn, ROWS);
        return this;
    }

    /** Reference rows (--against): {@code out[i][j] = kernel(rows i, against j)}, an m x k matrix. */
    public AllPairs against(Dataset<Row> table, String idColumn, String valueColumn) {
        against = new CallerRun.DatasetRows(Objects.requireNonNull(table, "table"), idColumn, valueColumn, AGAINST);
        return this;
    }

    /** The kernel by name (--kernel), plug-ins included. */
    public AllPairs kernel(String name) {
        kernel = name;
        return this;
    }

    /** A kernel parameter (--kernel-param name=value): the same names, values and checks. */
    public AllPairs param(String name, String value) {
        params.add(name + "=" + value);
        return this;
    }

    /** Keep the pairs with {@code value <= x} (--keep below=x). */
    public AllPairs keepBelow(double x) {
        keep = new OutputOptions.Threshold(true, x);
        return this;
    }

    /** Keep the pairs with {@code value >= x} (--keep above=x). */
    public AllPairs keepAbove(double x) {
        keep = new OutputOptions.Threshold(false, x);
        return this;
    }

    /** Keep each row's {@code k} closest partners (--top-k k). */
    public AllPairs topK(int k) {
        topK = k;
        return this;
    }

    /** Edge lists include i == j (--include-self). */
    public AllPairs includeSelf() {
        includeSelf = true;
        return this;
    }

    /** keepBelow/keepAbove list (j, i) as well as (i, j) for a symmetric kernel (--both-directions). */
    public AllPairs bothDirections() {
        bothDirections = true;
        return this;
    }

    /** {@link #write} replaces an existing output (--overwrite). */
    public AllPairs overwrite() {
        overwrite = true;
        return this;
    }

    /** {@link #write} stores finished tiles in {@code dir} and resumes from them (--checkpoint). */
    public AllPairs checkpoint(String dir) {
        checkpoint = dir;
        return this;
    }

    /** With {@link #checkpoint}: replace another job's checkpoint there instead of refusing (--checkpoint-replace). */
    public AllPairs replaceCheckpoint() {
        replaceCheckpoint = true;
        return this;
    }

    /**
     * The edges as a lazy, distributed Dataset with columns {@code i}, {@code j} (long), {@code value}
     * (double), {@code id_i},
     * {@code id_j} (string, null without an id column). The rows are read and the plan made now; the
     * pairs are computed each time a job of the caller runs the Dataset (cache it to compute once);
     * nothing is collected to the driver. Needs {@link #keepBelow}, {@link #keepAbove} or {@link #topK}:
     * a dense matrix is refused (UserError), it goes to {@link #write}.
     */
    public Dataset<Row> edges() {
        OutputOptions options = options();
        CallerRun.requireEdgeList(options); // before the rows are read
        return CallerRun.edges(spark, CallerRun.inputs(kernelConfig(), options, requireRows(), against), options,
                PlanConfig.of(null, null));
    }

    /**
     * A full run into {@code path} (any Hadoop path): the dense matrix, or the edge list of keepBelow,
     * keepAbove or topK, as .npy or Parquet (by the extension, as --output; .csv/.tsv for edge lists),
     * committed atomically with the id sidecars, as the command line writes it.
     *
     * @return the run's summary (the JSON the command line prints)
     * @throws UserError bad settings or rows, or an existing output (without {@link #overwrite}); nothing written
     * @throws UncheckedIOException the file system failed
     */
    public RunSummary write(String path) {
        JobConfig job = new JobConfig(new InputConfig(label(ROWS), against == null ? null : label(AGAINST), null),
                kernelConfig(), new OutputConfig(path, null, overwrite, options(), null), PlanConfig.of(null, null),
                new RunConfig(0, checkpoint, replaceCheckpoint));
        CallerRun.DatasetRows input = requireRows();
        try {
            return new RunSummary(CallerRun.write(spark, job, input, against, System.err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OutputOptions options() {
        return new OutputOptions(OutputDtype.FLOAT64, null, keep, topK, includeSelf, bothDirections);
    }

    private KernelConfig kernelConfig() {
        return new KernelConfig(kernel, params);
    }

    private CallerRun.DatasetRows requireRows() {
        if (rows == null) {
            throw new UserError("no rows given: call rows(dataset, idColumn, valueColumn)", "AllPairs");
        }
        return rows;
    }

    /** The job's input names: catalog-table style, so that they are never taken for paths. */
    private static String label(String name) {
        return InputFormat.TABLE_PREFIX + name;
    }
}
