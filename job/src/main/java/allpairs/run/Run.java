package allpairs.run;

import allpairs.UserError;
import allpairs.checkpoint.TileStore;
import allpairs.config.Defaults;
import allpairs.config.JobConfig;
import allpairs.compute.TileEmitter;
import allpairs.io.AtomicOutput;
import allpairs.io.ExclusiveLock;
import allpairs.io.HadoopFs;
import allpairs.join.CandidateEstimate;
import allpairs.join.SourcedRows;
import allpairs.join.ThresholdJoin;
import allpairs.kernel.CandidateFilter;
import allpairs.plan.Plan;
import allpairs.plan.Planner;
import allpairs.plan.RowsStrategy;
import allpairs.spark.Pipeline;
import allpairs.spark.PreviewAccumulator;
import allpairs.spark.SparkSessions;
import allpairs.spark.TaskDrain;
import allpairs.spark.sink.Sink;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * One run, from the validated options to the committed output: check every path it writes
 * ({@link Targets}), read and check the inputs, lock the output, start Spark, plan (resuming a
 * checkpoint), hand the pipeline its work, write the side files ({@link SideFiles}), then the id
 * sidecars and commit, and report. {@code --explain} takes the same path up to the plan.
 */
public final class Run {
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    /** A cancelled task ends at its next tile; this bounds the wait for a very slow one. */
    private static final long TASK_DRAIN_SECONDS = 20;

    private Run() {
    }

    /** The Spark settings spark-submit passed (its {@code spark.*} system properties). */
    public static Map<String, String> sparkSettingsFromSystem() {
        return settings(new SparkConf());
    }

    /** Debug logging for our own classes (--verbose). */
    public static void logDebug() {
        Configurator.setLevel("allpairs", Level.DEBUG);
    }

    /** What --explain prints (one JSON line): the plan this run would use, every default resolved, running nothing. */
    public static String explain(JobConfig job, Map<String, String> spark) throws IOException {
        Inputs in = job.input().anyTable() ? readTablesForExplain(job, spark) : validate(job, hadoop(spark));
        Defaults.Resolved resolved = Defaults.resolve(job.plan(), spark, Defaults.cores(spark));
        Plan joinPlan = ThresholdJoin.plan(in.kernel(), in.query(), in.reference(), resolved.cores());
        CandidateFilter filter = joinFilter(job, in, joinPlan, RowsStrategy.choose(in.dataBytes(),
                resolved.broadcastLimit()), spark);
        Plan plan = filter != null ? joinPlan : plan(job, in, resolved); // the join plans no tiles, here as in a run
        Map<String, Object> explained = Explain.of(plan, in, resolved, job.output().options().sparse());
        explained.put("path", filter != null ? "join" : "tiles");
        if (filter != null) {
            CandidateEstimate.explain(explained, filter, in.query(), in.reference());
        }
        return Summary.JSON.writeValueAsString(explained);
    }

    /**
     * The whole run: everything the user gave is checked on the driver before Spark starts (a table
     * input once it has: Spark SQL reads it), and the output's lock is taken before it starts too, so
     * a second run on it fails in a second.
     */
    public static RunResult execute(JobConfig job, Map<String, String> spark, PrintStream err) throws IOException {
        try (SignalGuard guard = SignalGuard.install(job.output().path(), err)) {
            LOG.debug("checking paths and reading inputs"); // a start-up phase's mark (bench/startup.sh)
            Configuration hadoop = hadoop(spark);
            // A table is read through Spark SQL: it waits for the session (in == null until then).
            // The join path's text rows wait for the executors (ExecutorRead), as a table waits for Spark SQL.
            Inputs in = job.input().anyTable() || ExecutorRead.applies(job, spark, hadoop) ? checkTargets(job, hadoop)
                    : validate(job, hadoop);
            boolean ownSession = requireMaster(spark);
            Path target = new Path(job.output().path());
            FileSystem outputFs = HadoopFs.of(target, hadoop);
            AtomicOutput output = guard.begin(() -> AtomicOutput.begin(outputFs, outputFs.makeQualified(target),
                    job.output().overwrite()));
            try {
                return inSession(job, spark, hadoop, in, output, guard, ownSession, err);
            } finally {
                output.abort(); // a no-op once committed
            }
        }
    }

    /** Starts the session, runs, and stops the session only once no task runs. */
    private static RunResult inSession(JobConfig job, Map<String, String> spark, Configuration hadoop, Inputs in,
                                       AtomicOutput output, SignalGuard guard, boolean ownSession, PrintStream err)
            throws IOException {
        SparkConf conf = conf(spark);
        LOG.info("starting Spark (master {})", conf.get("spark.master", "of the running session"));
        SparkSession session = SparkSessions.start(job.run().progressSeconds() > 0
                ? SparkSessions.forProgress(conf) : conf);
        try {
            LOG.debug("Spark session started");
            guard.watch(session);
            return run(session, job, in != null ? in : job.input().anyTable() ? Inputs.read(job, hadoop, session)
                    : ExecutorRead.read(job, hadoop, session, spark), output, err, hadoop);
        } finally {
            if (ownSession) {
                if (!TaskDrain.awaitIdle(session.sparkContext(), TASK_DRAIN_SECONDS)) {
                    LOG.warn("tasks still running after {} s; stopping the session anyway", TASK_DRAIN_SECONDS);
                }
                session.stop();
            }
        }
    }

    /** A run on a session the caller owns, with inputs it has read (tests, benchmarks). */
    public static RunResult on(SparkSession spark, JobConfig job, Inputs in, PrintStream progressOut)
            throws IOException {
        Path target = new Path(job.output().path());
        FileSystem fs = HadoopFs.of(target, spark.sparkContext().hadoopConfiguration());
        return run(spark, job, in, AtomicOutput.begin(fs, fs.makeQualified(target), job.output().overwrite()),
                progressOut, spark.sparkContext().hadoopConfiguration());
    }

    /**
     * Into an output already begun (and locked); it is committed or, whatever fails, aborted here.
     * {@code hadoop} writes the side files (the caller's settings, which may name other file systems).
     */
    private static RunResult run(SparkSession spark, JobConfig job, Inputs in, AtomicOutput output,
                                 PrintStream progressOut, Configuration hadoop) throws IOException {
        try (ExclusiveLock owner = Resume.own(job.run().checkpoint(), spark.sparkContext().hadoopConfiguration())) {
            return compute(spark, job, in, output, progressOut, new SideFiles(hadoop));
        } finally {
            output.abort(); // Spark throws checked SparkExceptions from Scala: leave nothing behind
        }
    }

    private static RunResult compute(SparkSession spark, JobConfig job, Inputs in, AtomicOutput output,
                                     PrintStream progressOut, SideFiles sides) throws IOException {
        TestPause.at("plan");
        Map<String, String> settings = settings(spark.sparkContext().getConf());
        Defaults.Resolved resolved = Defaults.resolve(job.plan(), settings, spark.sparkContext().defaultParallelism());
        RowsStrategy rows = RowsStrategy.choose(in.dataBytes(), resolved.broadcastLimit());
        Plan joinPlan = ThresholdJoin.plan(in.kernel(), in.query(), in.reference(),
                spark.sparkContext().defaultParallelism());
        CandidateFilter filter = joinFilter(job, in, joinPlan, rows, settings); // null: the tiled path
        Plan plan = filter != null ? joinPlan : plan(job, in, resolved); // the join plans no tiles
        Integer topKAsked = job.output().options().topK();
        job = TopKLimit.clamp(job, plan.k());
        TileEmitter emitter = RunOutput.emitter(job.output().options(), in, plan);
        TileStore store = null;
        List<allpairs.plan.Tile> reused = List.of();
        String checkpoint = job.run().checkpoint();
        if (checkpoint != null) {
            Resume.Resumed resumed = Resume.from(checkpoint, job, in, plan, emitter,
                    JavaSparkContext.fromSparkContext(spark.sparkContext()));
            plan = resumed.plan();
            reused = resumed.reused();
            store = resumed.store();
        }
        logPlan(in, plan, reused.size(), resolved, rows);
        long start = System.nanoTime();
        PreviewAccumulator preview = Preview.start(spark, job, plan);
        boolean sparse = job.output().options().sparse();
        SignalGuard.checkNotInterrupted();
        Pipeline.Work work = new Pipeline.Work(in.kernel(), in.query(), in.reference(), plan, reused, store,
                rows == RowsStrategy.BLOCK_JOIN, emitter, sparse ? null : preview);
        Sink sink = RunOutput.sink(job, in, output, sparse ? preview : null);
        ThresholdJoin.Result joined = filter == null ? null : ThresholdJoin.run(spark, in.kernel(), filter, in.query(),
                in.reference(), plan, job.output().options(), sink);
        Pipeline.Measured measured = joined != null ? joined.measured()
                : Pipeline.run(spark, work, sink, job.run().progressSeconds(), progressOut, start);
        double seconds = (System.nanoTime() - start) / 1e9;
        RunResult result = RunOutput.result(job, in, plan, seconds, output, measured, reused.size(), rows, topKAsked, joined);
        sides.write(job, in, preview, result); // before the commit: exit 1 must leave the output path untouched
        try {
            RunOutput.commit(job, in, output);
        } catch (IOException | RuntimeException | Error e) {
            sides.removeWritten();
            throw e;
        }
        LOG.info("wrote {} ({}) in {} s; scratch created {} times for {} pairs; compute tasks max {} s, mean {} s",
                output.target(), job.output().format().label(), String.format("%.3f", seconds),
                measured.scratchCreated(), measured.pairsComputed(), measured.taskSecondsMax(),
                String.format("%.3f", measured.taskSecondsMean()));
        return result;
    }

    private static void logPlan(Inputs in, Plan plan, int reused, Defaults.Resolved resolved, RowsStrategy rows) {
        LOG.info("plan: kernel={} m={} k={} n={} block={} bands={} tiles={} (reused {}) partitions={} pairs={}"
                + " cost skew={}; rows: {} bytes, broadcast limit {} bytes: {}", in.kernel().name(), plan.m(),
                plan.k(), in.longestRow(), plan.blockSize(), plan.bands(), plan.tiles(), reused,
                plan.partitions(), plan.pairs(), String.format("%.3f", plan.costSkew()), in.dataBytes(),
                resolved.broadcastLimit(), rows.label());
    }

    /** The kernel's exact filter for the --keep threshold where the join path applies (docs/join.md); else null. */
    private static CandidateFilter joinFilter(JobConfig job, Inputs in, Plan plan, RowsStrategy rows,
                                              Map<String, String> settings) {
        return ThresholdJoin.filter(in.kernel(), in.reference() != null, job.output().options(),
                job.run().checkpoint(), rows == RowsStrategy.BROADCAST || in.query() instanceof SourcedRows,
                plan.pairs(), settings);
    }

    static Plan plan(JobConfig job, Inputs in, Defaults.Resolved resolved) {
        return plan(in, resolved, job.output().options().sparse());
    }

    /** @param sparse an edge list (--keep, --top-k): tiles sized by work, not by a dense tile's memory */
    static Plan plan(Inputs in, Defaults.Resolved resolved, boolean sparse) {
        return Planner.plan(in.kernel(), in.query(), in.reference(), resolved.blockSize(), resolved.partitions(),
                resolved.cores(), resolved.memoryBudget(), sparse);
    }

    /** Checks the output target and reads the inputs: every user error of file inputs surfaces here, before Spark. */
    private static Inputs validate(JobConfig job, Configuration hadoop) throws IOException {
        checkTargets(job, hadoop);
        return Inputs.read(job, hadoop);
    }

    /** The outputs' checks alone (returns null: no inputs read yet). */
    private static Inputs checkTargets(JobConfig job, Configuration hadoop) throws IOException {
        Targets.check(job, hadoop);
        return null;
    }

    /** True when this run starts (and stops) its own session, which needs a master. */
    private static boolean requireMaster(Map<String, String> spark) {
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        if (ownSession && !spark.containsKey("spark.master")) {
            throw new UserError("no Spark master is set", "run through ./submit.sh or spark-submit --master,"
                    + " or set spark.master");
        }
        return ownSession;
    }

    /** --explain of a table input: reading the table (its schema and values) needs a session, started for it. */
    private static Inputs readTablesForExplain(JobConfig job, Map<String, String> spark) throws IOException {
        Configuration hadoop = hadoop(spark);
        checkTargets(job, hadoop);
        boolean ownSession = requireMaster(spark);
        SparkSession session = SparkSessions.start(conf(spark));
        try {
            return Inputs.read(job, hadoop, session);
        } finally {
            if (ownSession) {
                session.stop();
            }
        }
    }

    private static Configuration hadoop(Map<String, String> spark) {
        return HadoopFs.configuration(spark);
    }

    private static SparkConf conf(Map<String, String> spark) {
        SparkConf conf = new SparkConf(false);
        spark.forEach(conf::set);
        // In local mode the executor is this JVM: a task's OutOfMemoryError fails the job (exit 1, one
        // line) instead of Spark's System.exit(52).
        conf.setIfMissing("spark.executor.killOnFatalError.depth", "0");
        return conf;
    }

    static Map<String, String> settings(SparkConf conf) {
        Map<String, String> map = new HashMap<>();
        for (Tuple2<String, String> kv : conf.getAll()) {
            map.put(kv._1(), kv._2());
        }
        return map;
    }
}
