package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.io.RowsInput;
import allpairs.kernel.ElementType;
import allpairs.kernel.SeedKernel;
import allpairs.config.JobConfig;
import allpairs.support.Jobs;
import allpairs.config.OutputFormat;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet output read back by Spark and, independently, by DuckDB. */
class ParquetOutputTest {
    static final int M = 40;
    static final int N = 12;
    static double[] golden;
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void runJob() throws Exception {
        golden = Fixtures.float64(Fixtures.output(M, N));
        out = seedMatrix(dir.resolve("matrix"));
    }

    /** The seed job on the M × N fixture, written as Parquet to {@code out} (also KryoReadBackTest's input). */
    static Path seedMatrix(Path out) throws Exception {
        JobConfig spec = JobConfig.of(Fixtures.input(M, N).toString(), out.toString(), "seed", 7, 3);
        assertThat(spec.output().format()).isEqualTo(OutputFormat.PARQUET);
        Jobs.run(spec, new SeedKernel(), RowsInput.read(spec.input().input(), null, ElementType.INT8, "seed", "--input",
                new Configuration()), null);
        return out;
    }

    @Test
    void sparkReadsOneRecordPerRowWithTheGoldenValues() {
        // The schema is given, not inferred: inference ships Spark SQL's type classes through Kryo,
        // which registrationRequired (on in tests) refuses. Spark still checks the file's types
        // against it when reading; DuckDB below checks the stored types independently.
        StructType schema = new StructType()
                .add("i", DataTypes.LongType, false)
                .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        Dataset<Row> df = TestSpark.session().read().schema(schema).parquet(out.toString());
        // Sorted here, not with orderBy, for the same reason.
        List<Row> rows = new ArrayList<>(df.collectAsList());
        rows.sort(java.util.Comparator.comparingLong(r -> r.getLong(0)));
        assertThat(rows).hasSize(M);
        for (int i = 0; i < M; i++) {
            assertThat(rows.get(i).getLong(0)).isEqualTo(i);
            List<Double> values = rows.get(i).getList(1);
            assertThat(values).hasSize(M);
            for (int j = 0; j < M; j++) {
                assertThat(Double.doubleToRawLongBits(values.get(j)))
                        .isEqualTo(Double.doubleToRawLongBits(golden[i * M + j]));
            }
        }
    }

    @Test
    void duckdbReadsTheSameMatrix() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            String files = "'" + out.resolve("*.parquet") + "'";
            try (ResultSet types = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + files + ")")) {
                List<String> cols = new ArrayList<>();
                while (types.next()) {
                    cols.add(types.getString("column_name") + " " + types.getString("column_type"));
                }
                assertThat(cols).containsExactly("i BIGINT", "values DOUBLE[]");
            }
            try (ResultSet rs = st.executeQuery("SELECT i, \"values\" FROM read_parquet(" + files + ") ORDER BY i")) {
                int i = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(i);
                    Array arr = rs.getArray(2);
                    Object[] values = (Object[]) arr.getArray();
                    assertThat(values).hasSize(M);
                    for (int j = 0; j < M; j++) {
                        assertThat(Double.doubleToRawLongBits((Double) values[j]))
                                .isEqualTo(Double.doubleToRawLongBits(golden[i * M + j]));
                    }
                    i++;
                }
                assertThat(i).isEqualTo(M);
            }
        }
    }
}
