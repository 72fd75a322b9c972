package allpairs.spark;

import allpairs.io.AtomicOutput;
import allpairs.io.HadoopFs;
import allpairs.kernel.Int8Rows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.plan.Plan;
import allpairs.spec.JobSpec;
import allpairs.spec.OutputFormat;
import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
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

    public static JobResult run(JobSpec spec, Int8Rows rows, SparkSession spark) throws IOException {
        Kernel<?> kernel = Kernels.byName(spec.kernel());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Plan plan = Plan.create(rows.rows(), kernel.symmetric(), spec.blockSize(), spec.partitions(),
                sc.defaultParallelism());
        LOG.info("plan: m={} n={} block={} bands={} tiles={} partitions={} pairs={}", rows.rows(), rows.cols(),
                plan.blockSize(), plan.bands(), plan.tiles(), plan.partitions(), plan.pairs());

        Path target = new Path(spec.output());
        FileSystem fs = HadoopFs.of(target, sc.hadoopConfiguration());
        target = fs.makeQualified(target);
        AtomicOutput output = AtomicOutput.begin(fs, target, spec.overwrite());
        LongAccumulator scratchCreated = sc.sc().longAccumulator("allpairs.scratchCreated");
        LongAccumulator pairsComputed = sc.sc().longAccumulator("allpairs.pairsComputed");

        long start = System.nanoTime();
        Broadcast<Int8Rows> broadcast = sc.broadcast(rows);
        boolean committed = false;
        try {
            JavaRDD<Band> bands = bands(sc, kernel, broadcast, plan, scratchCreated, pairsComputed);
            if (spec.format() == OutputFormat.NPY) {
                NpySink.write(bands, plan.m(), plan.bands(), fs, output.temp());
            } else {
                ParquetSink.write(spark, bands, output.temp().toString());
            }
            output.commit();
            committed = true;
        } finally {
            // Whatever failed (Spark throws checked SparkExceptions from Scala), leave nothing behind.
            if (!committed) {
                output.abort();
            }
            broadcast.destroy();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("wrote {} ({}) in {} s; scratch created {} times for {} pairs", target, spec.format().label(),
                String.format("%.3f", seconds), scratchCreated.value(), pairsComputed.value());
        return new JobResult(kernel.name(), rows.rows(), rows.cols(), plan, seconds, target.toString(),
                spec.format().label(), scratchCreated.value(), pairsComputed.value());
    }

    /** The computed matrix as one {@link Band} per partition, partition b holding row band b. */
    static <S> JavaRDD<Band> bands(JavaSparkContext sc, Kernel<S> kernel, Broadcast<Int8Rows> rows, Plan plan,
                                   LongAccumulator scratchCreated, LongAccumulator pairsComputed) {
        // One group per slice: parallelize puts exactly one TileGroup in each partition.
        return sc.parallelize(plan.groups(), plan.partitions())
                .mapPartitionsToPair(new TileTask<>(kernel, rows, scratchCreated, pairsComputed))
                // An explicit partitioner, not repartition: retried tasks land pieces in the same bands.
                .partitionBy(new BandPartitioner(plan.bands()))
                .mapPartitions(new BandAssembler(plan.m(), plan.blockSize()));
    }
}
