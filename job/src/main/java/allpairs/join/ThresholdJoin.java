package allpairs.join;

import allpairs.compute.Piece;
import allpairs.config.OutputOptions;
import allpairs.kernel.ByteRows;
import allpairs.kernel.CandidateFilter;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Rows;
import allpairs.plan.CostModel;
import allpairs.plan.Plan;
import allpairs.spark.Pipeline;
import allpairs.spark.sink.Sink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The join path of {@code --keep} (docs/join.md): instead of every pair on tiles, only the pairs a
 * kernel's exact {@link CandidateFilter} lets meet are computed. Identical rows are grouped first;
 * each group's representative is filed under its keys; Spark's shuffle brings each key's entries
 * together (heavy keys split into cells); the executors verify with the bounded kernel and expand
 * the groups into the same edges, in the same row bands, as the tiled path; the run's edge sink
 * writes them as it writes the tiles' edges.
 */
public final class ThresholdJoin {
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdJoin.class);
    /**
     * The Spark setting that chooses the path where the join applies: {@code auto} (the default) from
     * {@link #AUTO_PAIRS} pairs, {@code on} always, {@code off} never.
     */
    public static final String SETTING = "spark.allpairs.join";
    /**
     * Below this many pairs {@code auto} keeps the tiles: the join's five shuffles cost a few seconds
     * whatever the size (levenshtein, reads of 50, k = 3, local[2]: the tiles win at 8,000 reads,
     * the join at 20,000; docs/join.md).
     */
    public static final long AUTO_PAIRS = 100_000_000L;
    /** The most index (or probe) entries of one key in one cell (see {@link SkewSplit}). */
    public static final int SKEW_BLOCK = 2048;
    /** Rows per output band on the join path (see {@link #bands}). */
    static final int ROWS_PER_BAND = 10_000;

    private ThresholdJoin() {
    }

    /** What the join counted: pairs that met under a key in join order, and pairs the kernel computed. */
    public record Counts(long candidates, long verified) {
    }

    /** The run's measures, and the join's counts. */
    public record Result(Pipeline.Measured measured, Counts counts) {
    }

    /**
     * The filter a run uses, or null for the tiled path: {@code --keep} on the close side of a kernel
     * with a filter for it, no --checkpoint (the join stores nothing to resume), rows broadcast
     * (the join reads them from the broadcast), a symmetric kernel unless --against, and {@link #SETTING}.
     */
    public static CandidateFilter filter(Kernel<?> kernel, boolean against, OutputOptions options, String checkpoint,
                                         boolean rowsBroadcast, long pairs, Map<String, String> spark) {
        OutputOptions.Threshold keep = options.keep();
        String setting = spark.getOrDefault(SETTING, "auto").trim().toLowerCase(java.util.Locale.ROOT);
        if (keep == null || keep.below() != (kernel.kind() == KernelKind.DISTANCE) || checkpoint != null
                || !rowsBroadcast || (!against && !kernel.symmetric()) || setting.equals("off")
                || (!setting.equals("on") && pairs < AUTO_PAIRS)) {
            return null;
        }
        return kernel.candidateFilter(keep.value());
    }

    /** Runs the join into the sink (whose bands are the plan's row bands: {@link #plan}). */
    public static Result run(SparkSession spark, Kernel<?> kernel, CandidateFilter filter, Rows query, Rows reference,
                             Plan plan, OutputOptions options, Sink sink) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Verifier.Counts counts = Verifier.Counts.register(sc.sc());
        List<Runnable> cleanup = new ArrayList<>();
        LOG.info("path: join ({}); the plan's tiles are not computed", filter.getClass().getSimpleName());
        long start = System.nanoTime();
        long edges = sink.write(spark, pieces(sc, kernel, filter, source(sc, query),
                reference == null ? null : source(sc, reference), plan.rowBounds(), options, SKEW_BLOCK, counts,
                cleanup), plan);
        double seconds = (System.nanoTime() - start) / 1e9;
        // Only after success, as in Pipeline: a failed or cancelled job's tasks may still be reading the skew table
        // (destroying under them logs Spark's errors; on a stopped context it hangs). On failure it goes with the
        // session, or with Spark's ContextCleaner.
        cleanup.forEach(Runnable::run);
        return new Result(new Pipeline.Measured(counts.scratch().value(), counts.verified().value(), 0, 0,
                seconds, edges, counts.scalarTasks().value()),
                new Counts(counts.candidates().value(), counts.verified().value()));
    }

    /**
     * The join path's plan: the full matrix's pairs ({@code pairs_full}) and the sink's row bands,
     * {@link #ROWS_PER_BAND} rows each (at least two bands per core), but no tiles: their list alone
     * passes a 1 GB driver at 3·10^5 rows (the tiling plans 41-row tiles for reads of 50). Within a
     * band the sink sorts by (i, j), so the output is the same for any bands.
     */
    public static Plan plan(Kernel<?> kernel, Rows query, Rows reference, int cores) {
        int m = query.rows();
        int k = reference == null ? m : reference.rows();
        boolean symmetric = allpairs.plan.Planner.mirrored(kernel, reference);
        int count = Math.max(1, Math.min(m, Math.max(2 * cores, m / ROWS_PER_BAND)));
        int rows = Math.max(1, (m + count - 1) / count);
        long pairs = symmetric ? (long) m * (m + 1) / 2 : (long) m * k;
        // columns in blocks of the same size, so the summary's block_size is the rows per band
        return new Plan(m, k, CostModel.uniformBoundaries(m, rows), CostModel.uniformBoundaries(k, rows), symmetric,
                List.of(), 0, pairs, new double[0]);
    }

    /**
     * The join's edges keyed by row band ({@code rowBounds}), as the tiled path's emitter keys them.
     * The rows come from the executors' RDDs only (nothing broadcast); what to release after the job
     * (the cached groups, the skew table) is added to {@code cleanup}.
     *
     * @param reference the --against rows, or null
     */
    static <S> JavaPairRDD<Integer, Piece> pieces(JavaSparkContext sc, Kernel<S> kernel, CandidateFilter filter,
                                                  RowSource query, RowSource reference, int[] rowBounds,
                                                  OutputOptions options, int skewBlock, Verifier.Counts counts,
                                                  List<Runnable> cleanup) {
        int partitions = Math.max(2, 4 * sc.defaultParallelism());
        boolean against = reference != null;
        JavaRDD<RowGroup> groups = IdenticalRows.groups(query, 0, partitions);
        if (against) {
            groups = groups.union(IdenticalRows.groups(reference, 1, partitions));
        }
        JavaRDD<RowGroup> cached = groups.persist(StorageLevel.MEMORY_AND_DISK()); // sample, keys, own edges
        cleanup.add(() -> cached.unpersist(false));
        int maxLength = Math.max(query.maxLength(), against ? reference.maxLength() : 0);
        double bound = options.keep().value();
        JoinEdges edges = new JoinEdges(rowBounds, !against, options);
        JavaPairRDD<Integer, Piece> pieces = SkewSplit.entries(sc, cached, new JoinKeys(filter), skewBlock,
                cleanup).groupByKey(partitions)
                .mapPartitionsToPair(new Verifier<>(kernel, filter, maxLength, bound, edges, counts, against));
        return against ? pieces : pieces.union(cached.mapPartitionsToPair(
                new WithinGroups<>(kernel, maxLength, bound, edges, options.includeSelf())));
    }

    /** A side's rows as a {@link RowSource}: the executors' own, or a driver-read side's shipped in slices. */
    static RowSource source(JavaSparkContext sc, Rows rows) {
        if (rows instanceof SourcedRows sourced) {
            return sourced.source();
        }
        return RowSource.fromDriver(sc, (ByteRows) rows, Math.max(2, 4 * sc.defaultParallelism()));
    }
}
