package allpairs.spark;

import allpairs.io.AtomicOutput;
import allpairs.io.HadoopFs;
import allpairs.io.Sidecars;
import allpairs.kernel.Kernel;
import allpairs.kernel.Rows;
import allpairs.plan.Plan;
import allpairs.spec.JobSpec;
import allpairs.spec.OutputFormat;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        boolean rectangular = reference != null;
        boolean mirror = kernel.symmetric() && !rectangular;
        int m = query.rows();
        int k = rectangular ? reference.rows() : m;
        Plan plan = Plan.create(weights(kernel, query), rectangular ? weights(kernel, reference) : null, m, k, mirror,
                spec.blockSize(), spec.partitions(), sc.defaultParallelism());
        int n = Math.max(query.maxLength(), rectangular ? reference.maxLength() : 0);
        LOG.info("plan: kernel={} m={} k={} n={} block={} bands={} tiles={} partitions={} pairs={} cost skew={}",
                kernel.name(), m, k, n, plan.blockSize(), plan.bands(), plan.tiles(), plan.partitions(), plan.pairs(),
                String.format("%.3f", plan.costSkew()));

        Path target = new Path(spec.output());
        FileSystem fs = HadoopFs.of(target, sc.hadoopConfiguration());
        target = fs.makeQualified(target);
        AtomicOutput output = AtomicOutput.begin(fs, target, spec.overwrite());
        Counters counters = Counters.register(sc.sc());
        ProgressListener progress = new ProgressListener(counters, plan.tiles());
        sc.sc().addSparkListener(progress);
        if (spec.progressSeconds() > 0) {
            progress.printEvery(spec.progressSeconds(), progressOut);
        }

        long start = System.nanoTime();
        Broadcast<Rows> queryRows = sc.broadcast(query);
        Broadcast<Rows> referenceRows = rectangular ? sc.broadcast(reference) : queryRows;
        boolean committed = false;
        try {
            JavaRDD<Band> bands = bands(sc, kernel, queryRows, referenceRows, mirror, plan, counters);
            if (spec.format() == OutputFormat.NPY) {
                NpySink.write(bands, m, k, plan.bands(), fs, output.temp());
            } else {
                ParquetSink.write(spark, bands, queryRows, output.temp().toString());
            }
            // Ids first, so whoever sees the matrix sees the ids that go with it.
            Sidecars.replace(fs, Sidecars.ids(target), spec.format() == OutputFormat.NPY ? query.ids() : null);
            Sidecars.replace(fs, Sidecars.refIds(target), rectangular ? reference.ids() : null);
            output.commit();
            committed = true;
        } finally {
            // Whatever failed (Spark throws checked SparkExceptions from Scala), leave nothing behind.
            if (!committed) {
                output.abort();
            }
            progress.close();
            sc.sc().removeSparkListener(progress);
            queryRows.destroy();
            if (rectangular) {
                referenceRows.destroy();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("wrote {} ({}) in {} s; scratch created {} times for {} pairs; compute tasks max {} s, mean {} s",
                target, spec.format().label(), String.format("%.3f", seconds), counters.scratchCreated(),
                counters.pairsComputed(), progress.taskSecondsMax(), String.format("%.3f", progress.taskSecondsMean()));
        return new JobResult(kernel.name(), m, k, n, plan, seconds, target.toString(), spec.format().label(),
                counters.scratchCreated(), counters.pairsComputed(), progress.taskSecondsMax(),
                progress.taskSecondsMean());
    }

    /** Row weights for the cost model: w_i = sqrt(cost(len_i, len_i)), so w_i · w_j estimates a pair. */
    static double[] weights(Kernel<?> kernel, Rows rows) {
        double[] w = new double[rows.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sqrt(kernel.pairCost(rows.length(i), rows.length(i)));
        }
        return w;
    }

    /** The computed matrix as one {@link Band} per partition, partition b holding row band b. */
    static <S> JavaRDD<Band> bands(JavaSparkContext sc, Kernel<S> kernel, Broadcast<Rows> query,
                                   Broadcast<Rows> reference, boolean mirror, Plan plan, Counters counters) {
        // One group per slice: parallelize puts exactly one TileGroup in each partition.
        return sc.parallelize(plan.groups(), plan.partitions())
                .mapPartitionsToPair(new TileTask<>(kernel, query, reference, mirror, counters))
                // An explicit partitioner, not repartition: retried tasks land pieces in the same bands.
                .partitionBy(new BandPartitioner(plan.bands()))
                .mapPartitions(new BandAssembler(plan.k(), plan.rowBounds()));
    }
}
