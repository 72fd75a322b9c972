package allpairs.run;

import allpairs.UserError;
import allpairs.config.Defaults;
import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.config.OutputOptions;
import allpairs.config.PlanConfig;
import allpairs.config.TableOptions;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.plan.RowsStrategy;
import allpairs.spark.EdgeAssembler;
import allpairs.spark.Pipeline;
import allpairs.spark.sink.EdgeTableSink;
import allpairs.spark.table.TableInput;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs on a session the caller owns (the Java API, {@code allpairs.api}): the rows come from the
 * caller's Datasets, read as table inputs are; a full run goes through {@link Run#on} as the command
 * line's does, without the command line's signal handlers and without stopping or configuring the
 * session; {@link #edges} hands back the pipeline's edges as a lazy Dataset.
 */
public final class CallerRun {
    private CallerRun() {
    }

    /**
     * A caller's Dataset of rows.
     *
     * @param idColumn the column of ids (strings or integers), or null: rows are numbered
     * @param valueColumn the column of values (string, binary or an array of numbers), or null: the only such column
     * @param name what messages call it
     */
    public record DatasetRows(Dataset<Row> table, String idColumn, String valueColumn, String name) {
        Rows read(KernelConfig.Configured kernel) {
            return TableInput.fromDataset(table, name, new TableOptions(idColumn, valueColumn, false), kernel.kernel());
        }
    }

    /** The kernel configured and the rows read and checked, as {@link Inputs#read} does for files. */
    public static Inputs inputs(KernelConfig kernel, OutputOptions options, DatasetRows rows, DatasetRows against) {
        KernelConfig.Configured configured = kernel.configure();
        Rows query = rows.read(configured);
        Rows reference = against == null ? null : against.read(configured);
        return Inputs.checked(configured, query, reference, options, rows.name(), against == null ? null
                : against.name());
    }

    /**
     * A full run into {@code job}'s output: every path it writes is checked before the rows are read,
     * then planned, computed (resuming a checkpoint) and committed atomically by {@link Run#on}.
     */
    public static RunResult write(SparkSession spark, JobConfig job, DatasetRows rows, DatasetRows against,
                                  PrintStream progressOut) throws IOException {
        Targets.check(job, spark.sparkContext().hadoopConfiguration());
        Inputs in = inputs(job.kernel(), job.output().options(), rows, against);
        return Run.on(spark, job, in, progressOut);
    }

    /** edges() makes an edge list: a dense matrix (m² rows) is {@link #write}'s. */
    public static void requireEdgeList(OutputOptions options) {
        if (!options.sparse()) {
            throw new UserError("edges() lists the pairs of keepBelow, keepAbove or topK; a dense matrix goes to"
                    + " write(path)", "AllPairs.edges()");
        }
    }

    /**
     * The edges (i, j, value, id_i, id_j) of an edge list ({@code options}: --keep or --top-k) as a lazy
     * Dataset: planned now, computed on the tiles whenever the caller's job runs it, as often as it does.
     */
    public static Dataset<Row> edges(SparkSession spark, Inputs in, OutputOptions options, PlanConfig planned) {
        requireEdgeList(options);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Defaults.Resolved resolved = Defaults.resolve(planned, Run.settings(sc.getConf()), sc.defaultParallelism());
        Plan plan = Run.plan(in, resolved, true);
        OutputOptions clamped = TopKLimit.clamp(options, plan.k());
        boolean blockJoin = RowsStrategy.choose(in.dataBytes(), resolved.broadcastLimit()) == RowsStrategy.BLOCK_JOIN;
        Pipeline.Work work = new Pipeline.Work(in.kernel(), in.query(), in.reference(), plan, List.of(), null,
                blockJoin, RunOutput.emitter(clamped, in, plan), null);
        Broadcast<String[][]> ids = sc.broadcast(new String[][] {in.query().ids(),
                in.reference() != null ? in.reference().ids() : in.query().ids()});
        JavaRDD<Row> rows = EdgeAssembler.assemble(Pipeline.lazyPieces(spark, work), plan, clamped.topK(),
                in.kernel().kind() == KernelKind.DISTANCE, null).flatMap(new EdgeTableSink.EdgeRows(ids, true,
                clamped.dtype(), sc.sc().longAccumulator("allpairs.edges")));
        return spark.createDataFrame(rows, EdgeTableSink.schema(true, clamped.dtype()));
    }
}
