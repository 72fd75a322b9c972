package allpairs.spark;

import allpairs.UserError;
import allpairs.io.AtomicOutput;
import allpairs.io.HadoopFs;
import allpairs.io.Sidecars;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Kernels;
import allpairs.plan.CostModel;
import allpairs.plan.Tile;
import allpairs.plan.TileGroup;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.spec.DenseLayout;
import allpairs.spec.JobSpec;
import allpairs.spec.OutputOptions;
import allpairs.spec.OutputFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * The driver: plan → tiles → kernel (mapPartitions, one scratch per partition) → row bands →
 * sink → atomic commit. It runs on a session it is given and never stops it.
 */
public final class AllPairsJob {
    private static final Logger LOG = LoggerFactory.getLogger(AllPairsJob.class);

    private AllPairsJob() {
    }

    /**
     * @param kernel the configured kernel
     * @param query the matrix rows
     * @param reference the matrix columns (--against), or null for the square query × query matrix
     */
    public static JobResult run(JobSpec spec, Kernel<?> kernel, Rows query, Rows reference, SparkSession spark)
            throws IOException {
        return run(spec, kernel, query, reference, spark, System.err);
    }

    /** As above, printing progress lines (if the spec asks for them) to {@code progressOut}. */
    public static JobResult run(JobSpec spec, Kernel<?> kernel, Rows query, Rows reference, SparkSession spark,
                                PrintStream progressOut) throws IOException {
        Path target = new Path(spec.output());
        FileSystem fs = HadoopFs.of(target, spark.sparkContext().hadoopConfiguration());
        return run(spec, kernel, query, reference, spark, progressOut, AtomicOutput.begin(fs, fs.makeQualified(target),
                spec.overwrite()));
    }

    /**
     * As above, into an output the caller has already begun (and locked), so a second run on the
     * same output is refused before Spark starts. The output is committed or aborted here.
     */
    public static JobResult run(JobSpec spec, Kernel<?> kernel, Rows query, Rows reference, SparkSession spark,
                                PrintStream progressOut, AtomicOutput output) throws IOException {
        try {
            return execute(spec, kernel, query, reference, spark, progressOut, output);
        } finally {
            // Whatever failed (Spark throws checked SparkExceptions from Scala), leave nothing behind;
            // a no-op once committed.
            output.abort();
        }
    }

    private static JobResult execute(JobSpec spec, Kernel<?> kernel, Rows query, Rows reference, SparkSession spark,
                                     PrintStream progressOut, AtomicOutput output) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        boolean rectangular = reference != null;
        boolean mirror = kernel.symmetric() && !rectangular;
        int m = query.rows();
        int k = rectangular ? reference.rows() : m;
        double[] rowWeights = Planning.weights(kernel, query);
        double[] colWeights = rectangular ? Planning.weights(kernel, reference) : rowWeights;
        int cores = sc.defaultParallelism();
        long budget = spec.memoryBudget() != null ? spec.memoryBudget() : Planning.defaultBudget(sc.getConf(), cores);
        Plan plan = Planning.plan(spec, kernel, query, reference, cores, budget);
        TileStore store = null;
        List<Tile> reused = List.of();
        if (spec.checkpoint() != null) {
            store = TileStore.at(spec.checkpoint());
            Checkpointed resumed = resume(spec, kernel, plan, new CostModel(rowWeights, colWeights), sc);
            plan = resumed.plan();
            reused = resumed.reused();
        }
        int n = Math.max(query.maxLength(), rectangular ? reference.maxLength() : 0);
        LOG.info("plan: kernel={} m={} k={} n={} block={} bands={} tiles={} (reused {}) partitions={} pairs={}"
                + " cost skew={}", kernel.name(), m, k, n, plan.blockSize(), plan.bands(), plan.tiles(), reused.size(),
                plan.partitions(), plan.pairs(), String.format("%.3f", plan.costSkew()));

        FileSystem fs = output.fileSystem();
        Path target = output.target();
        Counters counters = Counters.register(sc.sc());
        ProgressListener progress = new ProgressListener(counters, plan.tiles() - reused.size());
        sc.sc().addSparkListener(progress);
        if (spec.progressSeconds() > 0) {
            progress.printEvery(spec.progressSeconds(), progressOut);
        }

        long start = System.nanoTime();
        long inputBytes = query.dataBytes() + (rectangular ? reference.dataBytes() : 0);
        long limit = spec.broadcastLimit() != null ? spec.broadcastLimit() : Planning.defaultBroadcastLimit(sc.getConf());
        boolean blockJoin = inputBytes > limit;
        LOG.info("rows: {} bytes, broadcast limit {} bytes: {} plan", inputBytes, limit,
                blockJoin ? "block-join" : "broadcast");
        // Parquet ids come from the broadcast rows, so the broadcast is still made (ids only) for block-join.
        Broadcast<Rows> queryRows = sc.broadcast(blockJoin ? idsOnly(query) : query);
        Broadcast<Rows> referenceRows = rectangular && !blockJoin ? sc.broadcast(reference) : queryRows;
        long edgeCount = -1;
        try {
            OutputOptions options = spec.outputOptions();
            boolean ascending = kernel.kind() == KernelKind.DISTANCE;
            TileOutput tileOutput = TileOutput.of(options, mirror, !rectangular, ascending);
            JavaPairRDD<Integer, Piece> pieces = blockJoin
                    ? blockJoinPieces(sc, kernel, query, reference, mirror, plan, counters, store, reused, tileOutput)
                    : pieces(sc, kernel, queryRows, referenceRows, mirror, plan, counters, store, reused, tileOutput);
            if (options.sparse()) {
                JavaRDD<EdgeBand> edges = pieces.partitionBy(new IndexPartitioner(plan.bands()))
                        .mapPartitionsWithIndex(new EdgeAssembler(options.topK(), ascending), false);
                if (spec.format() == OutputFormat.NPY) {
                    edgeCount = EdgeSinks.writeNpy(edges, plan.bands(), fs, output.temp());
                } else {
                    Broadcast<String[][]> ids = sc.broadcast(new String[][] {query.ids(),
                            rectangular ? reference.ids() : query.ids()});
                    EdgeSinks.writeParquet(spark, edges, ids, output.temp().toString());
                }
            } else if (spec.format() == OutputFormat.NPY) {
                NpySink.write(assemble(pieces, plan), m, k, plan.bands(), fs, output.temp(), options.float32(),
                        options.layout() == DenseLayout.CONDENSED);
            } else {
                ParquetSink.write(spark, assemble(pieces, plan), queryRows, output.temp().toString(), options.float32());
            }
            // Ids first, so whoever sees the matrix sees the ids that go with it.
            Sidecars.replace(fs, Sidecars.ids(target), spec.format() == OutputFormat.NPY ? query.ids() : null);
            Sidecars.replace(fs, Sidecars.refIds(target), rectangular ? reference.ids() : null);
            output.commit();
        } finally {
            progress.close();
            sc.sc().removeSparkListener(progress);
            queryRows.destroy();
            if (referenceRows != queryRows) {
                referenceRows.destroy();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("wrote {} ({}) in {} s; scratch created {} times for {} pairs; compute tasks max {} s, mean {} s",
                target, spec.format().label(), String.format("%.3f", seconds), counters.scratchCreated(),
                counters.pairsComputed(), progress.taskSecondsMax(), String.format("%.3f", progress.taskSecondsMean()));
        return new JobResult(kernel.name(), m, k, n, plan, seconds, target.toString(), spec.format().label(),
                counters.scratchCreated(), counters.pairsComputed(), progress.taskSecondsMax(),
                progress.taskSecondsMean(), reused.size(), blockJoin ? "block-join" : "broadcast",
                spec.outputOptions().float32() ? "float32" : "float64",
                spec.outputOptions().sparse() ? "edges" : spec.outputOptions().layout().name().toLowerCase(java.util.Locale.ROOT),
                edgeCount);
    }

    /** A plan over the checkpoint's tiling, computing only the tiles it does not hold yet. */
    private record Checkpointed(Plan plan, List<Tile> reused) {
    }

    private static Checkpointed resume(JobSpec spec, Kernel<?> kernel, Plan fresh, CostModel model,
                                       JavaSparkContext sc) throws IOException {
        Configuration conf = sc.hadoopConfiguration();
        String params = Kernels.parse(Kernels.byName(spec.kernel()), spec.kernelParams()).toString();
        String fingerprint = Fingerprint.of(spec.input(), spec.against(), kernel.name(),
                params + (fresh.symmetric() ? " mirrored" : ""), conf);
        TileStore.Manifest manifest = TileStore.read(spec.checkpoint(), fingerprint, conf);
        if (manifest == null) {
            TileStore.create(spec.checkpoint(), new TileStore.Manifest(fingerprint, fresh.symmetric(), fresh.rowBounds(),
                    fresh.colBounds()), conf);
            return new Checkpointed(fresh, List.of());
        }
        if (spec.blockSize() != null && (!Arrays.equals(manifest.rowBounds(), fresh.rowBounds())
                || !Arrays.equals(manifest.colBounds(), fresh.colBounds()))) {
            throw new UserError("the checkpoint was tiled with other blocks than --block-size " + spec.blockSize()
                    + " gives; resume without --block-size (the stored tiling is reused) or use another directory",
                    spec.checkpoint());
        }
        Set<String> done = TileStore.at(spec.checkpoint()).finished(conf);
        Plan plan = Plan.fromBounds(manifest.rowBounds(), manifest.colBounds(), manifest.symmetric(), model,
                fresh.groups().isEmpty() ? 1 : Math.max(fresh.partitions(), 1),
                t -> !done.contains(TileStore.key(t)));
        List<Tile> reused = plan.allTiles().stream().filter(t -> done.contains(TileStore.key(t))).toList();
        LOG.info("resuming from checkpoint {}: {} of {} tiles already done", spec.checkpoint(), reused.size(),
                plan.tiles());
        return new Checkpointed(plan, reused);
    }

    /** Every tile as band pieces: computed now, or read back from the checkpoint. */
    static <S> JavaPairRDD<Integer, Piece> pieces(JavaSparkContext sc, Kernel<S> kernel, Broadcast<Rows> query,
                                                  Broadcast<Rows> reference, boolean mirror, Plan plan,
                                                  Counters counters, TileStore store, List<Tile> reused,
                                                  TileOutput output) {
        JavaPairRDD<Integer, Piece> computed = plan.groups().isEmpty() ? null
                // One group per slice: parallelize puts exactly one TileGroup in each partition.
                : sc.parallelize(plan.groups(), plan.partitions())
                        .mapPartitionsToPair(new TileTask<>(kernel, query, reference, mirror, counters, store, output));
        return withStored(sc, computed, store, reused, output);
    }

    /** Adds the tiles an earlier run left in the checkpoint. */
    private static JavaPairRDD<Integer, Piece> withStored(JavaSparkContext sc, JavaPairRDD<Integer, Piece> computed,
                                                          TileStore store, List<Tile> reused, TileOutput output) {
        if (reused.isEmpty()) {
            return computed;
        }
        JavaPairRDD<Integer, Piece> stored = sc.parallelize(reused, Math.min(reused.size(), 4 * sc.defaultParallelism()))
                .flatMapToPair(new StoredTiles(store, output));
        return computed == null ? stored : computed.union(stored);
    }

    /** Just the ids (what the Parquet sink needs) in a tiny Rows of empty rows. */
    private static Rows idsOnly(Rows rows) {
        if (rows.ids() == null) {
            return allpairs.kernel.ByteRows.rectangular(0, 0, new byte[0]);
        }
        return new allpairs.kernel.ByteRows(new byte[0], new int[rows.rows() + 1], rows.ids());
    }

    /**
     * The block-join plan: rows are not broadcast; each tile group is joined with just the row
     * blocks its tiles need (cogroup keyed by group, one group per partition).
     */
    static <S> JavaPairRDD<Integer, Piece> blockJoinPieces(JavaSparkContext sc, Kernel<S> kernel, Rows query,
                                                           Rows reference, boolean mirror, Plan plan,
                                                           Counters counters, TileStore store, List<Tile> reused,
                                                           TileOutput output) {
        boolean rectangular = reference != null;
        List<Tuple2<Integer, RowBlock>> blocks = new ArrayList<>();
        addBlocks(blocks, 0, query, plan.rowBounds());
        if (rectangular) {
            addBlocks(blocks, 1, reference, plan.colBounds());
        }
        List<Tuple2<Integer, Integer>> needs = new ArrayList<>();
        List<Tuple2<Integer, TileGroup>> groups = new ArrayList<>();
        for (int g = 0; g < plan.groups().size(); g++) {
            TileGroup group = plan.groups().get(g);
            groups.add(new Tuple2<>(g, group));
            Set<Integer> keys = new java.util.TreeSet<>();
            for (Tile t : group.tiles()) {
                keys.add(blockKey(0, t.bandI()));
                keys.add(blockKey(rectangular ? 1 : 0, t.bandJ()));
            }
            for (int key : keys) {
                needs.add(new Tuple2<>(key, g));
            }
        }
        JavaPairRDD<Integer, Piece> computed = null;
        if (!groups.isEmpty()) {
            int slices = Math.max(1, Math.min(blocks.size(), 2 * sc.defaultParallelism()));
            JavaPairRDD<Integer, RowBlock> blocksByGroup = sc.parallelizePairs(blocks, slices)
                    .join(sc.parallelizePairs(needs, slices))
                    .mapToPair(joined -> new Tuple2<>(joined._2()._2(), joined._2()._1()));
            IndexPartitioner byGroup = new IndexPartitioner(groups.size());
            computed = sc.parallelizePairs(groups, groups.size())
                    .cogroup(blocksByGroup, byGroup)
                    .mapPartitionsToPair(new BlockJoinTask<>(kernel, mirror, rectangular, counters, store, output));
        }
        return withStored(sc, computed, store, reused, output);
    }

    private static int blockKey(int side, int block) {
        return side == 0 ? block : -1 - block;
    }

    private static void addBlocks(List<Tuple2<Integer, RowBlock>> out, int side, Rows rows, int[] bounds) {
        for (int b = 0; b + 1 < bounds.length; b++) {
            out.add(new Tuple2<>(blockKey(side, b), new RowBlock(side, b, bounds[b], rows.slice(bounds[b], bounds[b + 1]))));
        }
    }

    /** The pieces gathered into one {@link Band} per partition, partition b holding row band b. */
    static JavaRDD<Band> assemble(JavaPairRDD<Integer, Piece> pieces, Plan plan) {
        // An explicit partitioner, not repartition: retried tasks land pieces in the same bands.
        return pieces.partitionBy(new IndexPartitioner(plan.bands()))
                .mapPartitions(new BandAssembler(plan.k(), plan.rowBounds()));
    }

    /** The computed matrix as one {@link Band} per partition (no checkpoint). */
    static <S> JavaRDD<Band> bands(JavaSparkContext sc, Kernel<S> kernel, Broadcast<Rows> query,
                                   Broadcast<Rows> reference, boolean mirror, Plan plan, Counters counters) {
        return assemble(pieces(sc, kernel, query, reference, mirror, plan, counters, null, List.of(),
                new TileOutput.Dense(mirror)), plan);
    }
}
