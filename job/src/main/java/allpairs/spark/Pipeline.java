package allpairs.spark;

import allpairs.checkpoint.StoredTiles;
import allpairs.checkpoint.TileStore;
import allpairs.compute.Piece;
import allpairs.compute.TileEmitter;
import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.plan.Tile;
import allpairs.spark.sink.Sink;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark pipeline of a run: tile groups → {@link TileTask} (one scratch per partition) → pieces
 * keyed by row band, plus the tiles a checkpoint already holds → the sink. It reads no options:
 * the run hands it the plan and the choices, and gets back what it measured.
 */
public final class Pipeline {
    private Pipeline() {
    }

    /**
     * What to compute.
     *
     * @param reference the matrix columns (--against), or null for the square query × query matrix
     * @param reused tiles read back from {@code store} instead of computed
     * @param store the checkpoint finished tiles also go to, or null
     * @param blockJoin rows are not broadcast: each tile group is joined with the row blocks it needs
     * @param emitter what a finished tile becomes (dense pieces or kept edges)
     * @param densePreview where the dense pieces' values are summed per preview block, or null
     */
    public record Work(Kernel<?> kernel, Rows query, Rows reference, Plan plan, List<Tile> reused, TileStore store,
                       boolean blockJoin, TileEmitter emitter, PreviewAccumulator densePreview) {
    }

    /**
     * What the run measured on the executors.
     *
     * @param computeSeconds the compute stage's wall time: first compute task start to last end
     */
    public record Measured(long scratchCreated, long pairsComputed, double taskSecondsMax, double taskSecondsMean,
                           double computeSeconds, long edges, long scalarTasks, Map<String, Long> pruned) {
        /** Without pruning counts (the join path). */
        public Measured(long scratchCreated, long pairsComputed, double taskSecondsMax, double taskSecondsMean,
                        double computeSeconds, long edges, long scalarTasks) {
            this(scratchCreated, pairsComputed, taskSecondsMax, taskSecondsMean, computeSeconds, edges, scalarTasks,
                    Map.of());
        }
    }

    /**
     * Runs the pipeline on a session it is given (and never stops).
     *
     * @param progressSeconds print a progress line to {@code progressOut} this often; 0 for never
     * @param startNanos when the run's clock started ({@link System#nanoTime}): the lines' pairs/s are over
     *     the same seconds as the summary's
     */
    public static Measured run(SparkSession spark, Work work, Sink sink, double progressSeconds,
                               PrintStream progressOut, long startNanos) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Counters counters = Counters.register(sc.sc(), work.kernel().prunedBy());
        ProgressListener progress = new ProgressListener(counters, work.plan().tiles(), work.reused().size(),
                new allpairs.plan.CostProgress(work.plan()), startNanos);
        sc.sc().addSparkListener(progress);
        if (progressSeconds > 0) {
            progress.printEvery(progressSeconds, progressOut);
        }
        List<Broadcast<Rows>> broadcasts = new ArrayList<>(2);
        long edges;
        try {
            JavaPairRDD<Integer, Piece> pieces = PreviewTap.dense(withStored(sc, work, computed(sc, work.kernel(),
                    work, counters, broadcasts)), work.densePreview());
            edges = sink.write(spark, pieces, work.plan());
            progress.awaitTiles(counters.tilesComputed(), 10_000);
            progress.finish();
        } finally {
            progress.close();
            sc.sc().removeSparkListener(progress);
        }
        // Only after success: a failed or cancelled job's tasks may still be starting and reading the rows
        // (Spark fails the job without waiting for them), and destroying under them logs Spark's errors. On
        // failure the broadcasts go with the session, or with Spark's ContextCleaner once unreferenced.
        broadcasts.forEach(Broadcast::destroy);
        return new Measured(counters.scratchCreated(), counters.pairsComputed(), progress.taskSecondsMax(),
                progress.taskSecondsMean(), progress.computeSeconds(), edges, counters.scalarTasks(), counters.pruned());
    }

    /**
     * The pieces as a lazy RDD, computed when the caller's job runs (the Java API's edges()): no
     * listener, no progress lines, no checkpoint. The rows' broadcasts stay until Spark's
     * ContextCleaner drops them with the RDD.
     */
    public static JavaPairRDD<Integer, Piece> lazyPieces(SparkSession spark, Work work) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return computed(sc, work.kernel(), work, Counters.register(sc.sc(), work.kernel().prunedBy()),
                new ArrayList<>(2));
    }

    /** The tiles computed now, or null when the checkpoint holds them all. */
    private static <S> JavaPairRDD<Integer, Piece> computed(JavaSparkContext sc, Kernel<S> kernel, Work work,
                                                            Counters counters, List<Broadcast<Rows>> broadcasts) {
        Plan plan = work.plan();
        if (plan.groups().isEmpty()) {
            return null;
        }
        if (work.blockJoin()) {
            return BlockJoin.pieces(sc, work.query(), work.reference(), plan,
                    new TileTask<>(kernel, TileRows.joined(work.reference() != null), plan.symmetric(), counters,
                            work.store(), work.emitter()));
        }
        Broadcast<Rows> query = sc.broadcast(work.query());
        Broadcast<Rows> reference = work.reference() == null ? query : sc.broadcast(work.reference());
        broadcasts.add(query);
        if (reference != query) {
            broadcasts.add(reference);
        }
        // One group per slice: parallelize puts exactly one TileGroup in each partition.
        return sc.parallelize(plan.groups(), plan.partitions()).mapPartitionsToPair(new TileTask<>(kernel,
                TileRows.broadcast(query, reference), plan.symmetric(), counters, work.store(), work.emitter()));
    }

    /** Adds the tiles an earlier run left in the checkpoint. */
    private static JavaPairRDD<Integer, Piece> withStored(JavaSparkContext sc, Work work,
                                                          JavaPairRDD<Integer, Piece> computed) {
        List<Tile> reused = work.reused();
        if (reused.isEmpty()) {
            return computed;
        }
        JavaPairRDD<Integer, Piece> stored = sc.parallelize(reused, Math.min(reused.size(), 4 * sc.defaultParallelism()))
                .flatMapToPair(new StoredTiles(work.store(), work.emitter()));
        return computed == null ? stored : computed.union(stored);
    }
}
