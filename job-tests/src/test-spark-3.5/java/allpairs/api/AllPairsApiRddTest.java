package allpairs.api;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.SparkCliTest;
import allpairs.support.TestSpark;
import com.holdenkarau.spark.testing.JavaRDDComparisons;
import java.nio.file.Path;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The API's lazy edges against the command line's, compared as distributed RDDs by
 * spark-testing-base (published for Spark 3.5 only, so this runs in the spark-3.5 profile;
 * AllPairsApiTest checks the same on every build).
 */
class AllPairsApiRddTest extends SparkCliTest {
    @Test
    void edgesEqualTheCommandLinesAsRdds() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> rows = AllPairsApiTest.frame(AllPairsApiTest.mutants(new Random(27), 24, "r"));
        Path in = dir.resolve("reads.parquet");
        rows.coalesce(1).write().parquet(in.toString());
        Path out = dir.resolve("cli.parquet");
        Cli cli = run("--input", in.toString(), "--id-column", "id", "--value-column", "seq", "--kernel", "levenshtein",
                "--top-k", "3", "--output", out.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        JavaRDD<String> api = AllPairs.on(spark).rows(rows, "id", "seq").kernel("levenshtein").topK(3).edges()
                .toJavaRDD().map(r -> r.mkString(" "));
        JavaRDD<String> expected = spark.read().parquet(out.toString()).toJavaRDD().map(r -> r.mkString(" "));
        assertThat(api.count()).isEqualTo(24 * 3);
        JavaRDDComparisons.assertRDDEquals(expected, api);
    }
}
