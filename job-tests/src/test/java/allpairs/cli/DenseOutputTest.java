package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** --dtype float32 and --layout condensed, byte for byte against files NumPy wrote. */
class DenseOutputTest extends SparkCliTest {
    @Test
    void float32AndCondensedMatchNumpy() throws IOException {
        String in = Fixtures.input(16, 8).toString();
        String[][] cases = {
            {"--dtype", "float32"}, {"--layout", "condensed"}, {"--layout", "condensed", "--dtype", "float32"}};
        String[] fixtures = {"seed_out_16x8_f32.npy", "seed_out_16x8_condensed.npy", "seed_out_16x8_condensed_f32.npy"};
        for (int c = 0; c < cases.length; c++) {
            Path out = dir.resolve("o" + c + ".npy");
            String[] args = new String[6 + cases[c].length + 2];
            System.arraycopy(new String[] {"--kernel", "seed", "--input", in, "--output", out.toString()}, 0, args, 0, 6);
            System.arraycopy(cases[c], 0, args, 6, cases[c].length);
            args[args.length - 2] = "--block-size";
            args[args.length - 1] = "5";
            Cli r = run(args);
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(Files.readAllBytes(out)).as(fixtures[c]).isEqualTo(Files.readAllBytes(Fixtures.numpy(fixtures[c])));
        }
    }

    @Test
    void float32ParquetHoldsFloats() throws Exception {
        Path out = dir.resolve("p");
        Cli r = run("--kernel", "seed", "--input", Fixtures.input(16, 8).toString(), "--output", out.toString(), "--dtype", "float32");
        assertThat(r.exitCode).as(r.toString()).isZero();
        double[] golden = Fixtures.float64(Fixtures.output(16, 8));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT typeof(\"values\"), \"values\" FROM read_parquet('"
                     + out.resolve("*.parquet") + "') ORDER BY i")) {
            int i = 0;
            while (rs.next()) {
                assertThat(rs.getString(1)).isEqualTo("FLOAT[]");
                Object[] values = (Object[]) rs.getArray(2).getArray();
                for (int j = 0; j < 16; j++) {
                    assertThat((Float) values[j]).isEqualTo((float) golden[i * 16 + j]);
                }
                i++;
            }
            assertThat(i).isEqualTo(16);
        }
    }

    @Test
    void condensedWarnsWhenTheDroppedDiagonalIsNotZero() throws IOException {
        Path fa = Files.writeString(dir.resolve("s.fa"), ">a\nACGT\n>b\nACG\n>c\nTT\n");
        Cli lev = run("--input", fa.toString(), "--output", dir.resolve("l.npy").toString(), "--kernel", "levenshtein",
                "--layout", "condensed");
        assertThat(lev.exitCode).isZero();
        assertThat(Fixtures.float64(dir.resolve("l.npy"))).containsExactly(1, 3, 3); // (a,b) (a,c) (b,c)
        // nw's self-score is not 0: the warning goes to the log on stderr (System.err in-process)
        Cli nw = run("--input", fa.toString(), "--output", dir.resolve("n.npy").toString(), "--kernel", "nw",
                "--layout", "condensed");
        assertThat(nw.exitCode).isZero();
        assertThat(Fixtures.float64(dir.resolve("n.npy"))).hasSize(3);
    }

    @Test
    void refusesBadCombinations() {
        String in = Fixtures.input(16, 8).toString();
        Object[][] cases = {
            {new String[] {"--layout", "condensed", "--format", "parquet"}, "not with Parquet output", "--layout"},
            {new String[] {"--layout", "condensed", "--against", in}, "not with --against", "--layout"},
            {new String[] {"--layout", "diagonal"}, "must be square or condensed", "--layout"},
            {new String[] {"--dtype", "float16"}, "must be float64, float32, int32 or int16", "--dtype"}};
        for (Object[] c : cases) {
            String[] extra = (String[]) c[0];
            String[] args = new String[6 + extra.length];
            System.arraycopy(new String[] {"--kernel", "seed", "--input", in, "--output", dir.resolve("x.npy").toString()}, 0, args, 0, 6);
            System.arraycopy(extra, 0, args, 6, extra.length);
            BadInputTest.assertUserError(Cli.runWithoutSpark(args), (String) c[1], (String) c[2]);
        }
        // Parquet only by the output's name: the error says what to change, not "not with Parquet"
        Cli named = Cli.runWithoutSpark("--kernel", "seed", "--input", in, "--output", dir.resolve("d").toString(),
                "--layout", "condensed");
        BadInputTest.assertUserError(named, "end --output in .npy", "--layout");
        assertThat(named.err).doesNotContain("Parquet output");
    }
}
