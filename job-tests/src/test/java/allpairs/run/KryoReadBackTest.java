package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.spark.KryoRegistration;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import allpairs.support.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Parquet output read back the way a user would (schema inferred, sorted, filtered, aggregated)
 * in a session with Kryo, {@code spark.kryo.registrationRequired=true} and our registrator: every
 * class Spark SQL ships for that must be registered (issue 21). Values are checked against the
 * NumPy golden matrix.
 */
class KryoReadBackTest {
    static final int M = ParquetOutputTest.M;
    static final int N = ParquetOutputTest.N;
    static double[] golden;
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void runJob() throws Exception {
        golden = Fixtures.float64(Fixtures.output(M, N));
        out = ParquetOutputTest.seedMatrix(dir.resolve("matrix"));
    }

    @Test
    void theSessionRequiresRegistrationWithOurRegistrator() {
        SparkConf conf = TestSpark.session().sparkContext().getConf();
        assertThat(conf.get("spark.serializer")).isEqualTo("org.apache.spark.serializer.KryoSerializer");
        assertThat(conf.get("spark.kryo.registrationRequired")).isEqualTo("true");
        assertThat(conf.get("spark.kryo.registrator")).isEqualTo(KryoRegistration.class.getName());
    }

    @Test
    void inferredSchemaSortedRowsEqualTheGoldenMatrix() {
        Dataset<Row> df = TestSpark.session().read().parquet(out.toString());
        assertThat(df.schema().fields()).extracting(f -> f.name() + " " + f.dataType().simpleString())
                .containsExactly("i bigint", "values array<double>");
        List<Row> rows = df.orderBy(functions.col("i").desc()).collectAsList();
        assertThat(rows).hasSize(M);
        for (int r = 0; r < M; r++) {
            int i = M - 1 - r;
            assertThat(rows.get(r).getLong(0)).isEqualTo(i);
            List<Double> values = rows.get(r).getList(1);
            for (int j = 0; j < M; j++) {
                assertThat(Double.doubleToRawLongBits(values.get(j)))
                        .isEqualTo(Double.doubleToRawLongBits(golden[i * M + j]));
            }
        }
    }

    @Test
    void filtersJoinsAndAggregatesRun() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> df = spark.read().parquet(out.toString());
        assertThat(df.count()).isEqualTo(M);
        assertThat(df.filter(functions.col("i").lt(5)).count()).isEqualTo(5);
        // Row sums by a shuffle (group by i % 4), against the golden matrix summed here.
        Dataset<Row> cells = df.select(functions.col("i"), functions.posexplode(functions.col("values")));
        List<Row> sums = cells.groupBy(functions.col("i").mod(4).as("g"))
                .agg(functions.sum("col").as("s"), functions.count("*").as("n"))
                .orderBy("g").collectAsList();
        assertThat(sums).hasSize(4);
        for (Row row : sums) {
            int g = (int) row.getLong(0);
            double expected = 0;
            long n = 0;
            for (int i = g; i < M; i += 4) {
                for (int j = 0; j < M; j++) {
                    expected += golden[i * M + j];
                    n++;
                }
            }
            assertThat(row.getLong(2)).isEqualTo(n);
            assertThat(row.getDouble(1)).isCloseTo(expected, Offset.offset(1e-9 * Math.abs(expected) + 1e-9));
        }
        // The diagonal (pos == i) joined back to the rows: another shuffle (or broadcast) of Spark SQL's rows.
        Dataset<Row> diagonal = cells.filter(functions.col("pos").equalTo(functions.col("i")))
                .select(functions.col("i").as("k"), functions.col("col").as("d"));
        List<Row> joined = df.join(diagonal, df.col("i").equalTo(diagonal.col("k")))
                .select("i", "d").orderBy("i").collectAsList();
        assertThat(joined).hasSize(M);
        for (Row row : joined) {
            int i = (int) row.getLong(0);
            assertThat(Double.doubleToRawLongBits(row.getDouble(1))).isEqualTo(Double.doubleToRawLongBits(golden[i * M + i]));
        }
    }

    @Test
    void edgeListWithStringIdsReadsBackAsDuckDbReadsIt() throws Exception {
        StringBuilder fasta = new StringBuilder();
        String[] seqs = {"ACGT", "ACGA", "AGGT", "TTTT", "ACG", "CCGT", "ACGTT", "GGG"};
        for (int r = 0; r < seqs.length; r++) {
            fasta.append(">s").append(r).append('\n').append(seqs[r]).append('\n');
        }
        Path in = Files.writeString(dir.resolve("reads.fa"), fasta.toString());
        Path edges = dir.resolve("edges");
        Cli r = Cli.run(TestSpark.conf(), "--input", in.toString(), "--output", edges.toString(), "--kernel",
                "levenshtein", "--top-k", "2", "--block-size", "3");
        assertThat(r.exitCode).as(r.toString()).isZero();
        Dataset<Row> df = TestSpark.session().read().parquet(edges.toString());
        assertThat(df.schema().fieldNames()).contains("i", "j", "value", "id_i", "id_j");
        List<String> spark = new ArrayList<>();
        for (Row row : df.orderBy("i", "j").select("i", "j", "value", "id_i", "id_j").collectAsList()) {
            spark.add(row.getLong(0) + " " + row.getLong(1) + " " + row.getDouble(2) + " " + row.getString(3) + " "
                    + row.getString(4));
        }
        List<String> duck = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = c.createStatement().executeQuery("SELECT i, j, value, id_i, id_j FROM read_parquet('"
                     + edges.resolve("*.parquet") + "') ORDER BY i, j")) {
            while (rs.next()) {
                duck.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getDouble(3) + " " + rs.getString(4) + " "
                        + rs.getString(5));
            }
        }
        assertThat(spark).isNotEmpty().containsExactlyElementsOf(duck);
        assertThat(df.groupBy("id_i").count().filter(functions.col("count").gt(2)).count()).isZero(); // top 2 per row
    }
}
