package allpairs.table;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.SparkCliTest;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables written by pyarrow, pandas and DuckDB ({@code resources/tables/make_tables.py}) through the
 * whole job: the matrix equals the script's reference (rapidfuzz Levenshtein over UTF-8 bytes, the
 * DTW references of make_dtw_references.py, the seed golden file of NumPy), matched by id whatever
 * order Spark reads the rows in; with --order-by-id the rows come sorted by id.
 */
class TableInputTest extends SparkCliTest {
    static Path table(String name) {
        try {
            return Path.of(TableInputTest.class.getResource("/tables/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path dtwResource(String name) {
        try {
            return Path.of(TableInputTest.class.getResource("/allpairs/dtw/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cli job(String... args) {
        Cli r = run(args);
        assertThat(r.exitCode).as(r.toString()).isZero();
        return r;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"seqs.parquet, '', ''", "seqs.orc, '', ''", "seqs.csv, seq, ''", "seqs.jsonl, '', ''",
        "seqs_duckdb.parquet, '', ''", "seqs_duckdb.csv, seq, ''", "seqs_duckdb.json, '', ''",
        "seqs_parts, seq, parquet"})
    void levenshteinEqualsTheReferenceById(String file, String valueColumn, String format) throws IOException {
        Path out = dir.resolve("lev.npy");
        List<String> args = new ArrayList<>(List.of("--input", table(file).toString(), "--output", out.toString(),
                "--kernel", "levenshtein", "--id-column", "id", "--block-size", "5"));
        if (!valueColumn.isEmpty()) {
            args.addAll(List.of("--value-column", valueColumn));
        }
        if (!format.isEmpty()) {
            args.addAll(List.of("--input-format", format));
        }
        job(args.toArray(String[]::new));
        assertMatchesReference(out, Files.readAllLines(dir.resolve("lev.npy.ids.txt")));
    }

    /** A binary column, and a tinyint array taken by bit pattern (as an i1 .npy), give the same symbol rows. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bin", "sym"})
    void byteColumnsGiveSymbolRows(String column) throws IOException {
        Path out = dir.resolve("bytes.npy");
        job("--input", table("seqs_bytes.parquet").toString(), "--output", out.toString(), "--kernel", "levenshtein",
                "--id-column", "id", "--value-column", column);
        assertMatchesReference(out, Files.readAllLines(dir.resolve("bytes.npy.ids.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seqs.parquet", "seqs.csv", "seqs_parts"})
    void orderByIdSortsTheRows(String file) throws IOException {
        Path out = dir.resolve("sorted.npy");
        List<String> args = new ArrayList<>(List.of("--input", table(file).toString(), "--output", out.toString(),
                "--kernel", "levenshtein", "--id-column", "id", "--value-column", "seq", "--order-by-id"));
        if (file.equals("seqs_parts")) {
            args.addAll(List.of("--input-format", "parquet"));
        }
        job(args.toArray(String[]::new));
        List<String> ids = Files.readAllLines(dir.resolve("sorted.npy.ids.txt"));
        assertThat(ids).isEqualTo(Files.readAllLines(table("ref_ids.txt")));
        assertThat(Fixtures.float64(out)).containsExactly(Fixtures.float64(table("ref_levenshtein.npy")));
    }

    /** Variable-length series (DuckDB double[]; pyarrow list<double> NaN-padded to 60) against the DTW reference. */
    @ParameterizedTest(name = "{0} window={1}")
    @CsvSource({"series.parquet, none", "series.parquet, 3", "series_nan.orc, 0", "series_nan.orc, 10"})
    void dtwOnArrayRowsEqualsTheReference(String file, String window) throws IOException {
        Path out = dir.resolve("dtw.npy");
        List<String> args = new ArrayList<>(List.of("--input", table(file).toString(), "--output", out.toString(),
                "--kernel", "dtw", "--id-column", "id", "--order-by-id", "--block-size", "4"));
        if (!window.equals("none")) {
            args.addAll(List.of("--kernel-param", "window=" + window));
        }
        job(args.toArray(String[]::new));
        List<String> ids = Files.readAllLines(dir.resolve("dtw.npy.ids.txt"));
        assertThat(ids).hasSize(12).allMatch(id -> id.equals("walk_" + String.format("%02d", ids.indexOf(id))));
        double[] got = Fixtures.float64(out);
        double[] ref = Fixtures.float64(dtwResource("ref_series_" + window + ".npy"));
        assertThat(got).hasSameSizeAs(ref);
        for (int p = 0; p < ref.length; p++) {
            assertThat(got[p]).as("pair %d", p)
                    .isCloseTo(ref[p], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, ref[p])));
        }
    }

    /** Three channels as flat rows of 3n values (channels=3), the ids in archive order: the series3 reference. */
    @ParameterizedTest(name = "window={0}")
    @CsvSource({"none", "3"})
    void dtwWithChannelsOnFlatArrayRowsEqualsTheReference(String window) throws IOException {
        Path out = dir.resolve("dtw3.npy");
        List<String> args = new ArrayList<>(List.of("--input", table("series3_flat.parquet").toString(), "--output",
                out.toString(), "--kernel", "dtw", "--id-column", "id", "--order-by-id", "--kernel-param",
                "channels=3"));
        if (!window.equals("none")) {
            args.addAll(List.of("--kernel-param", "window=" + window));
        }
        job(args.toArray(String[]::new));
        assertThat(Files.readAllLines(dir.resolve("dtw3.npy.ids.txt"))).containsExactly("mv_0", "mv_1", "mv_2", "mv_3",
                "mv_4", "mv_5", "mv_6", "mv_7", "mv_8");
        double[] got = Fixtures.float64(out);
        double[] ref = Fixtures.float64(dtwResource("ref_series3_" + window + ".npy"));
        assertThat(got).hasSameSizeAs(ref);
        for (int p = 0; p < ref.length; p++) {
            assertThat(got[p]).as("pair %d", p)
                    .isCloseTo(ref[p], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, ref[p])));
        }
    }

    /**
     * Integer ids sort by value; list<int16> and list<decimal(6,2)> values (whole numbers) range-checked
     * into seed's int8: the NumPy golden matrix.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"seed16.parquet, 100", "seed16_decimal.parquet, 0"})
    void seedOnIntegerArraysEqualsTheGoldenFile(String file, int firstId) throws IOException {
        Path out = dir.resolve("seed.npy");
        job("--input", table(file).toString(), "--output", out.toString(), "--kernel", "seed",
                "--id-column", "id", "--order-by-id");
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(16, 8)));
        List<String> ids = Files.readAllLines(dir.resolve("seed.npy.ids.txt"));
        for (int i = 0; i < 16; i++) {
            assertThat(ids.get(i)).isEqualTo(Integer.toString(firstId + i));
        }
    }

    /** A table of the session's catalog (saveAsTable into the in-memory catalog), read as table:default.NAME. */
    @Test
    void aCatalogTableIsRead() throws IOException {
        TestSpark.session().read().parquet(table("seqs.parquet").toString()).write().mode(SaveMode.Overwrite)
                .saveAsTable("default.allpairs_seqs");
        try {
            Path out = dir.resolve("catalog.npy");
            job("--input", "table:default.allpairs_seqs", "--output", out.toString(), "--kernel", "levenshtein",
                    "--id-column", "id", "--order-by-id");
            assertThat(Files.readAllLines(dir.resolve("catalog.npy.ids.txt")))
                    .isEqualTo(Files.readAllLines(table("ref_ids.txt")));
            assertThat(Fixtures.float64(out)).containsExactly(Fixtures.float64(table("ref_levenshtein.npy")));
        } finally {
            TestSpark.session().sql("DROP TABLE IF EXISTS default.allpairs_seqs");
        }
    }

    /** --against a table, --input a file: the rectangular matrix of the reference's rows. */
    @Test
    void againstATable() throws IOException {
        Path out = dir.resolve("rect.npy");
        job("--input", table("seqs.csv").toString(), "--value-column", "seq", "--id-column", "id", "--order-by-id",
                "--against", table("seqs.jsonl").toString(), "--output", out.toString(), "--kernel", "levenshtein");
        assertThat(Files.readAllLines(dir.resolve("rect.npy.ids.txt"))).isEqualTo(Files.readAllLines(table("ref_ids.txt")));
        assertThat(Fixtures.float64(out)).containsExactly(Fixtures.float64(table("ref_levenshtein.npy")));
    }

    @Test
    void explainReadsTheTableAndWritesNothing() throws IOException {
        Path out = dir.resolve("never.npy");
        Cli r = job("--input", table("seqs.parquet").toString(), "--output", out.toString(), "--kernel", "levenshtein",
                "--value-column", "seq", "--explain");
        JsonNode plan = JSON.readTree(r.out);
        assertThat(plan.get("m").asInt()).isEqualTo(24);
        assertThat(dir.toFile().list()).isEmpty();
    }

    /** A rerun on the same table with --checkpoint reuses every tile: the fingerprint of parsed rows matches. */
    @Test
    void aCheckpointResumesOnTheSameTable() throws IOException {
        String[] args = {"--input", table("seqs.parquet").toString(), "--output", dir.resolve("c.npy").toString(),
            "--kernel", "levenshtein", "--id-column", "id", "--order-by-id", "--checkpoint",
            dir.resolve("ckpt").toString(), "--overwrite", "--block-size", "6"};
        job(args);
        JsonNode second = JSON.readTree(job(args).out);
        assertThat(second.get("tiles_computed").asInt()).isZero();
        assertThat(Fixtures.float64(dir.resolve("c.npy"))).containsExactly(Fixtures.float64(table("ref_levenshtein.npy")));
    }

    static void assertMatchesReference(Path out, List<String> ids) throws IOException {
        List<String> refIds = Files.readAllLines(table("ref_ids.txt"));
        double[] ref = Fixtures.float64(table("ref_levenshtein.npy"));
        double[] got = Fixtures.float64(out);
        int m = refIds.size();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(refIds);
        assertThat(got).hasSize(m * m);
        int[] at = ids.stream().mapToInt(refIds::indexOf).toArray();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                assertThat(got[i * m + j]).as("(%s, %s)", ids.get(i), ids.get(j)).isEqualTo(ref[at[i] * m + at[j]]);
            }
        }
        assertThat(Arrays.stream(at).distinct().count()).isEqualTo(m);
    }
}
