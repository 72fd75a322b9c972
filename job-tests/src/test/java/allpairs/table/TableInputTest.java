package allpairs.table;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SparkCliTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables written by pyarrow, pandas and DuckDB ({@code resources/tables/make_tables.py}) through the
 * whole job: the matrix equals the script's reference (rapidfuzz), matched by id whatever order
 * Spark reads the rows in; with --order-by-id the rows come sorted by id.
 */
class TableInputTest extends SparkCliTest {
    static Path table(String name) {
        try {
            return Path.of(TableInputTest.class.getResource("/tables/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"seqs.parquet, ''", "seqs.orc, ''", "seqs.csv, seq", "seqs.jsonl, ''", "seqs_duckdb.parquet, ''"})
    void levenshteinEqualsTheReferenceById(String file, String valueColumn) throws IOException {
        Path out = dir.resolve("lev.npy");
        List<String> args = new java.util.ArrayList<>(List.of("--input", table(file).toString(), "--output",
                out.toString(), "--kernel", "levenshtein", "--id-column", "id", "--block-size", "5"));
        if (!valueColumn.isEmpty()) {
            args.addAll(List.of("--value-column", valueColumn));
        }
        Cli r = run(args.toArray(String[]::new));
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertMatchesReference(out, Files.readAllLines(dir.resolve("lev.npy.ids.txt")));
    }

    static void assertMatchesReference(Path out, List<String> ids) throws IOException {
        List<String> refIds = Files.readAllLines(table("ref_ids.txt"));
        double[] ref = Fixtures.float64(table("ref_levenshtein.npy"));
        double[] got = Fixtures.float64(out);
        int m = refIds.size();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(refIds);
        assertThat(got).hasSize(m * m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                int ri = refIds.indexOf(ids.get(i));
                int rj = refIds.indexOf(ids.get(j));
                assertThat(got[i * m + j]).as("(%s, %s)", ids.get(i), ids.get(j)).isEqualTo(ref[ri * m + rj]);
            }
        }
    }
}
