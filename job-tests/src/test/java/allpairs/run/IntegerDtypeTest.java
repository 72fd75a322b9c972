package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.cli.BadInputTest;
import allpairs.io.OutputDtype;
import allpairs.io.NpyMatrixWriter;
import allpairs.run.EdgeListTest.Edge;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --dtype int32/int16} (issue 28: integer distances came out as 2.0): the same values as the
 * float64 output of the same run, with the header numpy.save writes for an int array.
 */
class IntegerDtypeTest {
    @TempDir
    Path dir;

    private Path fasta(int rows, int maxLength) throws IOException {
        SplittableRandom rnd = new SplittableRandom(rows);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sb.append(">s").append(r).append('\n');
            for (int p = 1 + rnd.nextInt(maxLength); p > 0; p--) {
                sb.append("ACGT".charAt(rnd.nextInt(4)));
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve("in" + rows + ".fa"), sb.toString());
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(TestSpark.conf(), args);
        assertThat(r.exitCode).as(r.toString()).isZero();
        return r;
    }

    /** The header dict and the values of a v1.0 .npy of integers. */
    static long[] ints(Path npy, String expectedHeader) throws IOException {
        byte[] file = Files.readAllBytes(npy);
        int off = Fixtures.dataOffset(file);
        assertThat(new String(file, 10, off - 10, StandardCharsets.ISO_8859_1).strip()).isEqualTo(expectedHeader);
        assertThat(off % 64).as("numpy aligns the data to 64 bytes").isZero();
        int size = expectedHeader.contains("<i2") ? 2 : 4;
        ByteBuffer b = ByteBuffer.wrap(file, off, file.length - off).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[(file.length - off) / size];
        for (int e = 0; e < out.length; e++) {
            out[e] = size == 2 ? b.getShort() : b.getInt();
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"levenshtein, int32, <i4", "levenshtein, int16, <i2", "nw, int16, <i2", "sw, int32, <i4"})
    void denseNpyHoldsTheFloat64Values(String kernel, String dtype, String descr) throws IOException {
        Path in = fasta(21, 30);
        Path f64 = dir.resolve("f64.npy");
        ok("--input", in.toString(), "--output", f64.toString(), "--kernel", kernel, "--block-size", "5");
        Path out = dir.resolve(dtype + ".npy");
        Cli r = ok("--input", in.toString(), "--output", out.toString(), "--kernel", kernel, "--block-size", "5",
                "--dtype", dtype);
        assertThat(r.out).contains("\"dtype\":\"" + dtype + "\"");
        double[] expected = Fixtures.float64(f64);
        long[] got = ints(out, "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (21, 21), }");
        assertThat(got).hasSize(expected.length);
        for (int e = 0; e < got.length; e++) {
            assertThat((double) got[e]).as("cell %d", e).isEqualTo(expected[e]);
        }
    }

    @Test
    void theStreamedWriterWritesNumpysBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpyMatrixWriter w = new NpyMatrixWriter(bytes, new long[] {2, 2}, OutputDtype.INT16)) {
            w.write(new double[] {0, -3, 32767, -32767}, 0, 4);
        }
        // numpy.save(f, numpy.array([[0, -3], [32767, -32767]], dtype='<i2'))
        byte[] file = bytes.toByteArray();
        String header = "{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }";
        assertThat(new String(file, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("\u0093NUMPY\u0001\u0000");
        assertThat(new String(file, 10, 118, StandardCharsets.ISO_8859_1)).isEqualTo(header
                + " ".repeat(117 - header.length()) + "\n");
        assertThat(java.util.Arrays.copyOfRange(file, 128, file.length)).containsExactly(0, 0, -3, -1, -1, 0x7f, 1, -128);
    }

    @Test
    void parquetHoldsIntColumns() throws Exception {
        Path in = fasta(13, 20);
        Path f64 = dir.resolve("f64.npy");
        ok("--input", in.toString(), "--output", f64.toString(), "--kernel", "levenshtein");
        double[] expected = Fixtures.float64(f64);
        for (String[] c : new String[][] {{"int32", "INTEGER[]"}, {"int16", "SMALLINT[]"}}) {
            Path out = dir.resolve(c[0]);
            ok("--input", in.toString(), "--output", out.toString(), "--kernel", "levenshtein", "--dtype", c[0],
                    "--format", "parquet");
            try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
                 ResultSet rs = con.createStatement().executeQuery("SELECT i, typeof(values), values FROM read_parquet('"
                         + out.resolve("*.parquet") + "') ORDER BY i")) {
                int rows = 0;
                while (rs.next()) {
                    assertThat(rs.getString(2)).isEqualTo(c[1]);
                    Object[] values = (Object[]) rs.getArray(3).getArray();
                    for (int j = 0; j < values.length; j++) {
                        assertThat(((Number) values[j]).doubleValue()).isEqualTo(expected[rows * 13 + j]);
                    }
                    rows++;
                }
                assertThat(rows).isEqualTo(13);
            }
        }
    }

    @Test
    void edgeListsHoldIntegers() throws Exception {
        Path in = fasta(19, 12);
        Path f64 = dir.resolve("f64.npy");
        ok("--input", in.toString(), "--output", f64.toString(), "--kernel", "levenshtein", "--keep", "below=5");
        List<Edge> expected = EdgeListTest.readEdges(f64);
        Path npy = dir.resolve("i16.npy");
        ok("--input", in.toString(), "--output", npy.toString(), "--kernel", "levenshtein", "--keep", "below=5",
                "--dtype", "int16");
        byte[] file = Files.readAllBytes(npy);
        int off = Fixtures.dataOffset(file);
        assertThat(new String(file, 10, off - 10, StandardCharsets.ISO_8859_1).strip()).isEqualTo("{'descr': [('i',"
                + " '<i8'), ('j', '<i8'), ('value', '<i2')], 'fortran_order': False, 'shape': (" + expected.size() + ",), }");
        ByteBuffer b = ByteBuffer.wrap(file, off, file.length - off).order(ByteOrder.LITTLE_ENDIAN);
        List<Edge> got = new ArrayList<>();
        while (b.hasRemaining()) {
            got.add(new Edge(b.getLong(), b.getLong(), b.getShort()));
        }
        assertThat(got).isNotEmpty().containsExactlyElementsOf(expected);
        Path csv = dir.resolve("e.csv");
        ok("--input", in.toString(), "--output", csv.toString(), "--kernel", "levenshtein", "--keep", "below=5",
                "--dtype", "int32");
        List<String> lines = new ArrayList<>();
        try (var parts = Files.list(csv)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                List<String> all = Files.readAllLines(p);
                lines.addAll(all.subList(1, all.size()));
            }
        }
        List<String> want = expected.stream().map(e -> e.i() + "," + e.j() + "," + (long) e.v() + ",s" + e.i()
                + ",s" + e.j()).toList();
        assertThat(lines).containsExactlyElementsOf(want); // "3", not "3.0"
    }

    @Test
    void refusedWhereValuesAreNotIntegersOrDoNotFit() throws IOException {
        Path in = fasta(5, 10);
        Path out = dir.resolve("o.npy");
        String[][] cases = {
            {"dtw", Fixtures.input(16, 8).toString(), "int32", "values are not all integers", ""},
            {"seed", Fixtures.input(16, 8).toString(), "int16", "values are not all integers", ""},
            {"nw", in.toString(), "int32", "values are not all integers", "match=1.5"},
            {"sw", in.toString(), "int16", "values are not all integers", "gap-extend=-0.5"}};
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("--kernel", c[0], "--input", c[1], "--output", out.toString(),
                    "--dtype", c[2]));
            if (!c[4].isEmpty()) {
                args.addAll(List.of("--kernel-param", c[4]));
            }
            BadInputTest.assertUserError(Cli.runWithoutSpark(args.toArray(String[]::new)), c[3], "--dtype");
            assertThat(out).doesNotExist();
        }
        // a row of 40,000 symbols: levenshtein values may reach 40,000, beyond int16
        Path longRow = Files.writeString(dir.resolve("long.txt"), "A".repeat(40_000) + "\nACGT\n");
        BadInputTest.assertUserError(Cli.runWithoutSpark("--kernel", "levenshtein", "--input", longRow.toString(),
                "--output", out.toString(), "--dtype", "int16"), "holds values up to 32767", "use int32");
        // nw with BLOSUM62-sized scores: 11 * (2 * 2000) > 32767
        Path proteins = Files.writeString(dir.resolve("p.txt"), "A".repeat(2000) + "\nAC\n");
        BadInputTest.assertUserError(Cli.runWithoutSpark("--kernel", "nw", "--input", proteins.toString(),
                "--output", out.toString(), "--dtype", "int16", "--kernel-param", "match=11"), "can reach 44000", "--dtype");
        assertThat(out).doesNotExist();
        BadInputTest.assertUserError(Cli.runWithoutSpark("--kernel", "levenshtein", "--input", in.toString(),
                "--output", out.toString(), "--dtype", "int8"), "must be float64, float32, int32 or int16", "--dtype");
    }
}
