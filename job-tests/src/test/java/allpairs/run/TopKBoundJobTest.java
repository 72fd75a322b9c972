package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.cli.BadInputTest;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.NpyFiles;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --top-k} with kernels that stop pairs at the bound (levenshtein, dtw) through the whole
 * job: the edges equal the K best of the dense output of the same rows, for tilings where the
 * bound does tighten inside tiles (unmirrored: --against); a checkpoint of a bounded top-k run is
 * not reused by a run that needs the exact values.
 */
class TopKBoundJobTest {
    @TempDir
    Path dir;

    /** Reads in families (a parent and mutated copies) over ACGT: close pairs, ties, a few equal reads. */
    private Path reads(int m) throws IOException {
        SplittableRandom rnd = new SplittableRandom(m);
        StringBuilder fa = new StringBuilder();
        char[] parent = new char[0];
        for (int r = 0; r < m; r++) {
            if (r % 6 == 0) {
                parent = new char[20 + rnd.nextInt(20)];
                for (int p = 0; p < parent.length; p++) {
                    parent[p] = "ACGT".charAt(rnd.nextInt(4));
                }
            }
            char[] read = parent.clone();
            for (int e = rnd.nextInt(4); e > 0; e--) {
                read[rnd.nextInt(read.length)] = "ACGT".charAt(rnd.nextInt(4));
            }
            fa.append(">r").append(r).append('\n').append(read, 0, read.length - rnd.nextInt(3)).append('\n');
        }
        return Files.writeString(dir.resolve("reads.fa"), fa.toString());
    }

    private Path series(int m, int n) {
        SplittableRandom rnd = new SplittableRandom(m * 31L + n);
        ByteBuffer b = ByteBuffer.allocate(m * n * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int e = 0; e < m * n; e++) {
            b.putDouble(rnd.nextInt(7) / 2.0);
        }
        return NpyFiles.write(dir.resolve("series.npy"), NpyFiles.v1("{'descr': '<f8', 'fortran_order': False, 'shape': ("
                + m + ", " + n + "), }", b.array()));
    }

    private static Cli ok(String... args) {
        Cli r = Cli.run(TestSpark.conf(), args);
        assertThat(r.exitCode).as(r.toString()).isZero();
        return r;
    }

    /**
     * With {@code --against} the same file (unmirrored tiles, where the bound reaches the kernel) and
     * without (mirrored, computed unbounded): the K best of the dense matrix, self included only when asked.
     */
    @ParameterizedTest(name = "{0} top-{1} block {2} self={3} against={4}")
    @CsvSource({"levenshtein, 3, 16, false, true", "levenshtein, 1, 24, true, true", "levenshtein, 5, 64, false, false",
        "dtw, 3, 16, false, true", "dtw, 2, 20, true, false"})
    void topKEdgesEqualTheKBestOfTheDenseMatrix(String kernel, int k, int block, boolean self, boolean against)
            throws IOException {
        int m = 72;
        Path in = kernel.equals("dtw") ? series(m, 24) : reads(m);
        Path dense = dir.resolve("dense.npy");
        ok("--kernel", kernel, "--input", in.toString(), "--output", dense.toString());
        double[] d = Fixtures.float64(dense);
        Path edges = dir.resolve("top.npy");
        Stream<String> args = Stream.of("--kernel", kernel, "--input", in.toString(), "--output", edges.toString(),
                "--top-k", Integer.toString(k), "--block-size", Integer.toString(block));
        args = self ? Stream.concat(args, Stream.of("--include-self")) : args;
        args = against ? Stream.concat(args, Stream.of("--against", in.toString())) : args;
        ok(args.toArray(String[]::new));
        // with --against, i == j is an ordinary pair (the rows are not known to be the same)
        assertThat(EdgeListTest.readEdges(edges)).containsExactlyElementsOf(
                EdgeListTest.topK(d, m, k, true, self || against));
    }

    @Test
    void aBoundedTopKCheckpointIsNotReusedForExactValues() throws IOException {
        Path in = reads(40);
        Path ck = dir.resolve("ck");
        String a = in.toString();
        ok("--kernel", "levenshtein", "--input", a, "--against", a, "--output", dir.resolve("top.npy").toString(),
                "--top-k", "2", "--block-size", "16", "--checkpoint", ck.toString());
        Cli dense = Cli.run(TestSpark.conf(), "--kernel", "levenshtein", "--input", a, "--against", a, "--output",
                dir.resolve("dense.npy").toString(), "--block-size", "16", "--checkpoint", ck.toString());
        BadInputTest.assertUserError(dense, "checkpoint holds tiles of a different job", ck.toString());
        ok("--kernel", "levenshtein", "--input", a, "--against", a, "--output", dir.resolve("again.npy").toString(),
                "--top-k", "2", "--block-size", "16", "--checkpoint", ck.toString());
        assertThat(Files.readAllBytes(dir.resolve("again.npy"))).isEqualTo(Files.readAllBytes(dir.resolve("top.npy")));
    }
}
