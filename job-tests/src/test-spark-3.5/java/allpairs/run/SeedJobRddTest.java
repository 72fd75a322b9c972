package allpairs.run;

import allpairs.compute.TileEmitter;
import allpairs.kernel.Rows;
import allpairs.kernel.SeedKernel;
import allpairs.plan.Plan;
import allpairs.plan.Plans;
import allpairs.spark.BandAssembler;
import allpairs.spark.Counters;
import allpairs.spark.TileRows;
import allpairs.spark.TileTask;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import com.holdenkarau.spark.testing.JavaRDDComparisons;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The job's RDDs against the golden matrix with spark-testing-base's RDD comparison. That library is
 * published for Spark 3.5 only (no Spark 4 build on Maven Central), so this test runs in the
 * spark-3.5 profile; SeedJobTest checks the same output bit for bit on every build.
 */
class SeedJobRddTest {
    @Test
    void computedEntriesEqualTheGoldenMatrixAsRdds() {
        int m = 33;
        int n = 21;
        SparkSession spark = TestSpark.session();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Rows rows = SeedJobTest.read(Fixtures.input(m, n));
        Plan plan = Plans.create(m, true, 5, 3, 2);
        Broadcast<Rows> b = sc.broadcast(rows);
        JavaRDD<String> actual = BandAssembler.assemble(sc.parallelize(plan.groups(), plan.partitions())
                        .mapPartitionsToPair(new TileTask<>(new SeedKernel(), TileRows.broadcast(b, b), true,
                                Counters.register(sc.sc()), null, new TileEmitter.Dense(true))), plan)
                .flatMap(band -> {
                    List<String> entries = new ArrayList<>();
                    for (int r = 0; r < band.rows(); r++) {
                        for (int j = 0; j < band.cols(); j++) {
                            entries.add(entry(band.rowStart() + r, j, band.values()[r * band.cols() + j]));
                        }
                    }
                    return entries.iterator();
                });
        double[] golden = Fixtures.float64(Fixtures.output(m, n));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                expected.add(entry(i, j, golden[i * m + j]));
            }
        }
        JavaRDDComparisons.assertRDDEquals(sc.parallelize(expected, 3), actual);
        b.destroy();
    }

    private static String entry(int i, int j, double v) {
        return i + " " + j + " " + Long.toHexString(Double.doubleToRawLongBits(v));
    }
}
