package allpairs.table;

import static allpairs.table.TableInputTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.TableOptions;
import allpairs.io.InputFormat;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.spark.table.TableInput;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SparkCliTest;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job's own Parquet output (i, id, values) is a table input: read back with --id-column id it
 * gives the matrix rows, bit for bit, with their ids; a second job (dtw) on it equals a plain DTW
 * written here over the reference matrix.
 */
class ParquetRoundTripTest extends SparkCliTest {
    @Test
    void parquetOutputWithIdsIsReadBackAsRows() throws IOException {
        Path matrix = dir.resolve("lev.parquet");
        Cli first = run("--input", table("seqs.orc").toString(), "--output", matrix.toString(), "--kernel",
                "levenshtein", "--id-column", "id", "--value-column", "seq", "--order-by-id", "--block-size", "7");
        assertThat(first.exitCode).as(first.toString()).isZero();
        assertThat(Files.isDirectory(matrix)).isTrue();

        List<String> refIds = Files.readAllLines(table("ref_ids.txt"));
        double[] ref = Fixtures.float64(table("ref_levenshtein.npy"));
        int m = refIds.size();
        Rows rows = TableInput.read(TestSpark.session(), matrix.toString(), InputFormat.PARQUET,
                new TableOptions("id", null, true), Kernels.byName("dtw"), "--input");
        assertThat(rows.ids()).containsExactlyElementsOf(refIds);
        double[] data = ((DoubleRows) rows).data();
        assertThat(rows.rows()).isEqualTo(m);
        for (int i = 0; i < m; i++) {
            assertThat(rows.length(i)).isEqualTo(m);
        }
        assertThat(data).containsExactly(ref); // both sorted by id

        Path dtw = dir.resolve("dtw.npy");
        Cli second = run("--input", matrix.toString(), "--output", dtw.toString(), "--kernel", "dtw", "--id-column",
                "id", "--order-by-id");
        assertThat(second.exitCode).as(second.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("dtw.npy.ids.txt"))).isEqualTo(refIds);
        double[] got = Fixtures.float64(dtw);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double expected = plainDtw(ref, i * m, ref, j * m, m);
                assertThat(got[i * m + j]).as("(%d, %d)", i, j)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, expected)));
            }
        }
    }

    /** The textbook definition: squared differences summed along the cheapest warping path, square root at the end. */
    static double plainDtw(double[] a, int fromA, double[] b, int fromB, int n) {
        double[][] d = new double[n + 1][n + 1];
        for (double[] row : d) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        d[0][0] = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                double diff = a[fromA + i - 1] - b[fromB + j - 1];
                d[i][j] = diff * diff + Math.min(d[i - 1][j - 1], Math.min(d[i - 1][j], d[i][j - 1]));
            }
        }
        return Math.sqrt(d[n][n]);
    }
}
