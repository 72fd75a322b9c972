package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.io.RowsInput;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Rows;
import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.PlanConfig;
import allpairs.support.Jobs;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The block-join plan (rows not broadcast) gives the same bytes as the broadcast plan. */
class BlockJoinTest {
    @TempDir
    Path dir;

    private static JobConfig spec(String input, String against, Path out, String kernel, Integer block, Integer parts,
                                  long broadcastLimit) {
        return JobConfig.of(input, out.toString(), kernel, block, parts).with(new InputConfig(input, against, null))
                .with(PlanConfig.of(block, parts).withBroadcastLimit(broadcastLimit));
    }

    @ParameterizedTest(name = "{0}x{1} block {2} partitions {3}")
    @CsvSource({"16,8,3,2", "33,21,7,5", "40,12,1,3", "40,12,40,1"})
    void forcedBlockJoinWritesTheGoldenBytes(int m, int n, int block, int parts) throws IOException {
        Path out = dir.resolve("bj.npy");
        Rows rows = RowsInput.read(Fixtures.input(m, n).toString(), null, allpairs.kernel.ElementType.INT8, "seed",
                "--input", new Configuration());
        RunResult r = Jobs.run(spec(Fixtures.input(m, n).toString(), null, out, "seed", block, parts, 0),
                Kernels.byName("seed"), rows, null);
        assertThat(r.rowsPlan()).isEqualTo("block-join");
        assertThat(r.scratchCreated()).isEqualTo(r.plan().partitions());
        assertThat(Files.readAllBytes(out)).isEqualTo(Fixtures.bytes(Fixtures.output(m, n)));
    }

    private Path fasta(String name, int records, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < records; r++) {
            sb.append(">q").append(r).append('\n');
            int len = 1 + rnd.nextInt(40);
            for (int p = 0; p < len; p++) {
                sb.append("ACGT".charAt(rnd.nextInt(4)));
            }
            sb.append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    @Test
    void bothPlansAgreeOnRaggedAndRectangularInputs() throws IOException {
        Kernel<?> nw = Kernels.configured("nw", List.of());
        Path q = fasta("q.fa", 29, 1);
        Path ref = fasta("r.fa", 17, 2);
        Configuration conf = new Configuration();
        Rows qr = RowsInput.read(q.toString(), null, nw.elementType(), "nw", "--input", conf);
        Rows rr = RowsInput.read(ref.toString(), null, nw.elementType(), "nw", "--against", conf);
        for (String against : new String[] {null, ref.toString()}) {
            Rows reference = against == null ? null : rr;
            Path a = dir.resolve("broadcast" + (against == null ? "" : "-r") + ".npy");
            Path b = dir.resolve("joined" + (against == null ? "" : "-r") + ".npy");
            RunResult ra = Jobs.run(spec(q.toString(), against, a, "nw", 4, 3, Long.MAX_VALUE), nw, qr, reference);
            RunResult rb = Jobs.run(spec(q.toString(), against, b, "nw", 4, 3, 0), nw, qr, reference);
            assertThat(ra.rowsPlan()).isEqualTo("broadcast");
            assertThat(rb.rowsPlan()).isEqualTo("block-join");
            assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        }
    }

    @Test
    void theSummaryNamesThePlanAndParquetKeepsIds() throws IOException {
        Path q = fasta("q.fa", 12, 3);
        Cli joined = Cli.run(TestSpark.conf(), "--input", q.toString(), "--output", dir.resolve("p").toString(),
                "--kernel", "levenshtein", "--broadcast-limit", "0", "--block-size", "5");
        assertThat(joined.exitCode).as(joined.toString()).isZero();
        assertThat(joined.out).contains("\"plan\":\"block-join\"");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT string_agg(id, ',' ORDER BY i) FROM read_parquet('"
                     + dir.resolve("p").resolve("*.parquet") + "')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("q0,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        Cli broadcast = Cli.run(TestSpark.conf(), "--input", q.toString(), "--output", dir.resolve("b.npy").toString(),
                "--kernel", "levenshtein", "--broadcast-limit", "1g");
        assertThat(broadcast.out).contains("\"plan\":\"broadcast\"");
        Cli bad = Cli.runWithoutSpark("--kernel", "seed", "--input", q.toString(), "--output", dir.resolve("x.npy").toString(),
                "--broadcast-limit", "lots");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("Cannot set --broadcast-limit to 'lots'");
    }
}
