package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.NpyFiles;
import allpairs.support.WeightedDifferenceKernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --kernel, --kernel-param, `allpairs kernels`, --against, ids sidecars and input errors, through the CLI. */
class KernelOptionsTest extends SparkCliTest {
    @Test
    void kernelsListsEveryKernelWithParametersAndDefaults() {
        for (String[] args : new String[][] {{"kernels"}}) {
            Cli r = Cli.runWithoutSpark(args);
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(r.out).contains("seed", "levenshtein", "nw", "sw", "dtw", "mi", WeightedDifferenceKernel.NAME)
                    .contains("--kernel-param gap-open=").contains("default -2.0")
                    .contains("--kernel-param window=").contains("default none")
                    .contains("--kernel-param weight=")
                    .contains("--kernel-param matrix=NAME|PATH  (default none)").doesNotContain("NaN");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key|nw|gapopen=-3|has no parameter 'gapopen'",
        "not a number|nw|gap-open=abc|'abc': not a finite number",
        "out of range|nw|gap-open=1|must be between",
        "positive gap-open|nw|gap-open=11|must be between -1000000.0 and 0.0; gap scores are negative here: gap-open=-11 (BLAST",
        "positive gap-extend|sw|gap-extend=+1.5|gap scores are negative here: gap-extend=-1.5 (BLAST",
        "not an integer|dtw|window=2.5|not an integer",
        "negative window|dtw|window=-1|must be between 0",
        "no equals sign|nw|gap-open|expected key=value",
        "kernel without parameters|seed|x=1|it takes none"})
    void refusesBadKernelParameters(String name, String kernel, String setting, String words) {
        Path out = dir.resolve("o.npy");
        Cli r = Cli.runWithoutSpark("--input", Fixtures.input(16, 8).toString(), "--output", out.toString(),
                "--kernel", kernel, "--kernel-param", setting);
        BadInputTest.assertUserError(r, words, "--kernel-param");
        assertThat(out).doesNotExist();
    }

    @Test
    void aUserKernelFromTheClasspathRunsWithItsParameters() throws IOException {
        double[] values = {1, 2, 3, 4, 5, 6, -1, -2, 0.5};
        ByteBuffer b = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        Path in = NpyFiles.write(dir.resolve("x.npy"), NpyFiles.v1("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }", b.array()));
        Path out = dir.resolve("o.npy");
        Cli r = run("--input", in.toString(), "--output", out.toString(), "--kernel", WeightedDifferenceKernel.NAME,
                "--kernel-param", "weight=3", "--kernel-param", "skip=1", "--block-size", "2");
        assertThat(r.exitCode).as(r.toString()).isZero();
        double[] sums = {2 + 3, 5 + 6, -2 + 0.5};
        double[] matrix = Fixtures.float64(out);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(matrix[i * 3 + j]).isEqualTo(3 * sums[i] - sums[j]);
            }
        }
    }

    @Test
    void fastaIdsGoToASidecarThatOverwriteRemovesWhenStale() throws IOException {
        Path fa = Files.writeString(dir.resolve("s.fa"), ">a\nACGT\n>b\nACG\n>c\nTT\n");
        Path out = dir.resolve("d.npy");
        Cli r = run("--input", fa.toString(), "--output", out.toString(), "--kernel", "levenshtein");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("d.npy.ids.txt"))).containsExactly("a", "b", "c");
        assertThat(Fixtures.float64(out)).containsExactly(0, 1, 3, 1, 0, 3, 3, 3, 0);

        Path txt = Files.writeString(dir.resolve("s.txt"), "AC\nAG\n");
        Cli again = run("--input", txt.toString(), "--output", out.toString(), "--kernel", "levenshtein", "--overwrite");
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(dir.resolve("d.npy.ids.txt")).doesNotExist();
        assertThat(Fixtures.float64(out)).containsExactly(0, 1, 1, 0);
    }

    @Test
    void fastaIdsBecomeAnIdColumnInParquet() throws Exception {
        Path fa = Files.writeString(dir.resolve("s.fa"), ">a x\nACGT\n>b\nACG\n>c\nTT\n");
        Path out = dir.resolve("d");
        Cli r = run("--input", fa.toString(), "--output", out.toString(), "--kernel", "levenshtein");
        assertThat(r.exitCode).as(r.toString()).isZero();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT i, id, \"values\" FROM read_parquet('"
                     + out.resolve("*.parquet") + "') ORDER BY i")) {
            StringBuilder seen = new StringBuilder();
            while (rs.next()) {
                seen.append(rs.getLong(1)).append(rs.getString(2)).append(Arrays.toString((Object[]) rs.getArray(3).getArray()));
            }
            assertThat(seen.toString()).isEqualTo("0a[0.0, 1.0, 3.0]1b[1.0, 0.0, 3.0]2c[3.0, 3.0, 0.0]");
        }
        assertThat(dir.resolve("d.ids.txt")).doesNotExist();
    }

    @Test
    void againstWritesAnMByKMatrixAndReferenceIds() throws IOException {
        Path q = Files.writeString(dir.resolve("q.txt"), "kitten\nflaw\n");
        Path ref = Files.writeString(dir.resolve("r.fa"), ">x\nsitting\n>y\nlawn\n>z\nkitten\n");
        Path out = dir.resolve("qr.npy");
        Cli r = run("--input", q.toString(), "--against", ref.toString(), "--output", out.toString(), "--kernel",
                "levenshtein");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("\"m\":2").contains("\"k\":3").contains("\"n\":7");
        assertThat(Fixtures.float64(out)).containsExactly(3, 5, 0, 7, 2, 6);
        assertThat(Files.readAllLines(dir.resolve("qr.npy.ref_ids.txt"))).containsExactly("x", "y", "z");
        assertThat(dir.resolve("qr.npy.ids.txt")).doesNotExist();
    }

    private Path gzipTruncated(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content.getBytes());
        }
        byte[] all = bytes.toByteArray();
        return Files.write(dir.resolve(name), Arrays.copyOf(all, all.length - 12));
    }

    @Test
    void badInputsOfTheNewKindsExitTwoAndWriteNothing() throws IOException {
        Path nan = NpyFiles.write(dir.resolve("nan.npy"), NpyFiles.v1(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 3), }", ByteBuffer.allocate(24)
                        .order(ByteOrder.LITTLE_ENDIAN).putDouble(1).putDouble(Double.NaN).putDouble(2).array()));
        Object[][] cases = {
            {new String[] {"--input", Files.writeString(dir.resolve("r.txt"), "0123\n012\n").toString(), "--kernel", "mi"},
                "row 1 has length 3 but row 0 has length 4", "r.txt"},
            {new String[] {"--input", Files.writeString(dir.resolve("s.txt"), "AAAA\nAAA\n").toString(), "--kernel", "seed"},
                "needs rows of equal length", "s.txt"},
            // dtw takes NaN as end padding (issue 18), not before a number
            {new String[] {"--input", nan.toString(), "--kernel", "dtw"}, "row 0 has the number 2.0 at column 2 after a NaN",
                "nan.npy"},
            {new String[] {"--input", Fixtures.input(16, 8).toString(), "--kernel", "dtw", "--against",
                Files.writeString(dir.resolve("ref.txt"), "AC\n").toString()}, "needs numbers", "ref.txt"},
            {new String[] {"--input", Files.writeString(dir.resolve("x.seq"), "AC\n").toString(), "--kernel", "nw"},
                "--input-format", "x.seq"},
            {new String[] {"--input", Files.writeString(dir.resolve("x.seq2"), "AC\n").toString(), "--kernel", "nw",
                "--input-format", "xlsx"}, "unknown input format 'xlsx'", "--input-format"},
            {new String[] {"--input", gzipTruncated("t.fa.gz", ">a\n" + "ACGT".repeat(500) + "\n").toString(),
                "--kernel", "nw"}, "corrupt or truncated", "t.fa.gz"},
            {new String[] {"--input", Files.writeString(dir.resolve("d.fa"), ">a\nAC\n>a\nGT\n").toString(),
                "--kernel", "sw"}, "duplicate FASTA id 'a' at line 3", "d.fa"},
            {new String[] {"--input", Files.writeString(dir.resolve("eight.txt"), "ABCDEFGH\n").toString(), "--kernel", "mi", "--against",
                Files.writeString(dir.resolve("short.txt"), "ABC\n").toString()}, "needs rows of equal length", "short.txt"},
        };
        for (Object[] c : cases) {
            String[] given = (String[]) c[0];
            String[] args = Arrays.copyOf(given, given.length + 2);
            args[given.length] = "--output";
            args[given.length + 1] = dir.resolve("out.npy").toString();
            Cli r = Cli.runWithoutSpark(args);
            BadInputTest.assertUserError(r, (String) c[1], (String) c[2]);
            assertThat(dir.resolve("out.npy")).doesNotExist();
        }
    }
}
