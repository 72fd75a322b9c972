package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.OutputConfig;
import allpairs.config.OutputFormat;
import allpairs.config.OutputOptions;
import allpairs.kernel.ByteRows;
import allpairs.kernel.JoinRowsFixture;
import allpairs.kernel.Kernel;
import allpairs.kernel.LevenshteinKernel;
import allpairs.support.Jobs;
import allpairs.support.TilesOnlyKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The join path of levenshtein --keep below=k through Spark local mode: its edge .npy equals the
 * tiled path's byte for byte (same edges, values and order) and a brute-force DP's edges, while it
 * computes far fewer pairs.
 */
class ThresholdJoinJobTest {
    @TempDir
    Path dir;

    private int runs;

    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8})
    void joinEqualsTheTiledPathAndBruteForce(int k) throws IOException {
        SplittableRandom rnd = new SplittableRandom(2600 + k);
        List<byte[]> rows = new ArrayList<>(Arrays.asList(JoinRowsFixture.mixed(rnd, 90, 1, 60, k)));
        rows.addAll(Arrays.asList(JoinRowsFixture.lowComplexity(rnd, 30, k)));
        byte[][] all = rows.toArray(new byte[0][]);
        boolean self = k % 2 == 1;
        boolean both = k % 4 >= 2;
        RunResult join = assertSameAsTiles(all, null, new OutputOptions(false, null, below(k + 0.5), null, self, both));
        assertThat(join.pairsThisRun()).as("pairs verified").isLessThan(join.plan().pairs() / 2);
    }

    @Test
    void identicalRowsAreVerifiedOnceNotPairByPair() throws IOException {
        byte[] read = "ACGTACGTTAGCCATGACGTAGCTAGCTAGGACT".getBytes();
        byte[][] rows = new byte[400][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = r % 100 == 7 ? JoinRowsFixture.mutate(read, 1 + r % 3, new SplittableRandom(r)) : read;
        }
        RunResult join = assertSameAsTiles(rows, null, new OutputOptions(false, null, below(3), null, false, true));
        assertThat(join.edges()).isGreaterThanOrEqualTo(396L * 395);
        assertThat(join.joined().verified()).as("one representative per distinct row").isLessThanOrEqualTo(10);
    }

    @Test
    void allIdenticalRowsAndManyEmptyRows() throws IOException {
        byte[][] same = new byte[150][];
        java.util.Arrays.fill(same, new byte[] {(byte) 200, (byte) 201, 'A', 'C', (byte) 255});
        RunResult join = assertSameAsTiles(same, null, new OutputOptions(false, null, below(0), null, true, true));
        assertThat(join.edges()).isEqualTo(150L * 150);
        assertThat(join.joined().verified()).isZero();
        byte[][] empty = new byte[120][];
        for (int r = 0; r < empty.length; r++) {
            empty[r] = r % 4 == 0 ? new byte[] {(byte) (250 + r % 3)} : new byte[0];
        }
        assertSameAsTiles(empty, null, new OutputOptions(false, null, below(2), null, false, false));
        assertSameAsTiles(empty, null, new OutputOptions(false, null, below(0), null, true, false));
    }

    @Test
    void longAndMixedLengthRows() throws IOException {
        SplittableRandom rnd = new SplittableRandom(601);
        byte[][] rows = JoinRowsFixture.mixed(rnd, 50, 1, 600, 8);
        assertSameAsTiles(rows, null, new OutputOptions(false, null, below(8), null, false, false));
        assertSameAsTiles(rows, null, new OutputOptions(false, null, below(2), null, true, false));
    }

    @Test
    void againstEqualsTheTiledPath() throws IOException {
        SplittableRandom rnd = new SplittableRandom(77);
        byte[][] all = JoinRowsFixture.mixed(rnd, 120, 1, 40, 3);
        byte[][] query = Arrays.copyOfRange(all, 0, 50);
        byte[][] reference = Arrays.copyOfRange(all, 50, all.length);
        for (int k : new int[] {0, 3, 6}) {
            assertSameAsTiles(query, reference, new OutputOptions(false, null, below(k), null, k == 3, k == 3));
        }
    }

    /**
     * Rows the executors read (text in splits of 8 bytes): the run gets rows whose data the driver
     * cannot see ({@code SourcedRows} fails on any row access), so nothing of them is broadcast or
     * read on the driver, and its edges are a brute-force DP's, --against too.
     */
    @Test
    void rowsReadByTheExecutorsNeverReachTheDriver() throws IOException {
        SplittableRandom rnd = new SplittableRandom(826);
        byte[][] all = JoinRowsFixture.lowComplexity(rnd, 40, 2);
        byte[][] acgt = new byte[all.length + 30][];
        for (int r = 0; r < acgt.length; r++) {
            byte[] row = r < all.length ? all[r] : JoinRowsFixture.mutate(acgt[r % 20], r % 3, rnd);
            acgt[r] = row.length == 0 ? "ACGT".getBytes() : row;
        }
        org.apache.spark.api.java.JavaSparkContext sc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
                allpairs.support.TestSpark.session().sparkContext());
        sc.hadoopConfiguration().setLong(allpairs.join.RowSplits.MAX_SPLIT, 8);
        try {
            allpairs.join.SourcedRows query = sourced(sc, Arrays.copyOfRange(acgt, 0, 45), "q.txt");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> query.length(0))
                    .isInstanceOf(UnsupportedOperationException.class);
            OutputOptions options = new OutputOptions(false, null, below(2), null, false, false);
            Path out = dir.resolve("sourced.npy");
            RunResult r = Jobs.run(JobConfig.of("rows", out.toString(), LevenshteinKernel.NAME, 16, null)
                    .with(new OutputConfig(out.toString(), OutputFormat.NPY, false, options, null)),
                    new LevenshteinKernel(), query, null);
            assertThat(r.joined()).isNotNull();
            assertThat(EdgeListTest.readEdges(out)).isNotEmpty()
                    .containsExactlyElementsOf(bruteForce(Arrays.copyOfRange(acgt, 0, 45), null, options));
            Path against = dir.resolve("against.npy");
            byte[][] ref = Arrays.copyOfRange(acgt, 45, acgt.length);
            Jobs.run(JobConfig.of("rows", against.toString(), LevenshteinKernel.NAME, 16, null)
                    .with(new OutputConfig(against.toString(), OutputFormat.NPY, false, options, null))
                    .with(new InputConfig("rows", "reference", null)), new LevenshteinKernel(), query,
                    sourced(sc, ref, "r.txt"));
            assertThat(EdgeListTest.readEdges(against)).isNotEmpty()
                    .containsExactlyElementsOf(bruteForce(Arrays.copyOfRange(acgt, 0, 45), ref, options));
        } finally {
            sc.hadoopConfiguration().unset(allpairs.join.RowSplits.MAX_SPLIT);
        }
    }

    private allpairs.join.SourcedRows sourced(org.apache.spark.api.java.JavaSparkContext sc, byte[][] rows, String name)
            throws IOException {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        for (byte[] row : rows) {
            text.write(row);
            text.write('\n');
        }
        Path file = Files.write(dir.resolve(name), text.toByteArray());
        return new allpairs.join.SourcedRows(allpairs.join.RowSplits.read(sc, file.toString(),
                allpairs.io.InputFormat.TEXT, allpairs.kernel.ElementType.SYMBOL, "levenshtein"));
    }

    private static OutputOptions.Threshold below(double x) {
        return new OutputOptions.Threshold(true, x);
    }

    /** Runs both paths into .npy edge lists, asserts equal bytes and the brute-force edges; returns the join's result. */
    private RunResult assertSameAsTiles(byte[][] query, byte[][] reference, OutputOptions options) throws IOException {
        Path joined = dir.resolve("join" + runs + ".npy");
        Path tiled = dir.resolve("tiles" + runs++ + ".npy");
        RunResult join = run(new LevenshteinKernel(), query, reference, joined, options);
        RunResult tiles = run(new TilesOnlyKernel<>(new LevenshteinKernel()), query, reference, tiled, options);
        assertThat(join.joined()).as("the join path ran").isNotNull();
        assertThat(tiles.joined()).as("the tiled path ran").isNull();
        assertThat(Files.readAllBytes(joined)).as("the edge .npy of both paths").isEqualTo(Files.readAllBytes(tiled));
        List<EdgeListTest.Edge> expected = bruteForce(query, reference, options);
        assertThat(EdgeListTest.readEdges(joined)).containsExactlyElementsOf(expected);
        assertThat(join.edges()).isEqualTo(expected.size());
        return join;
    }

    private RunResult run(Kernel<?> kernel, byte[][] query, byte[][] reference, Path out, OutputOptions options)
            throws IOException {
        JobConfig job = JobConfig.of("rows", out.toString(), LevenshteinKernel.NAME, 16, null)
                .with(new OutputConfig(out.toString(), OutputFormat.NPY, false, options, null));
        if (reference != null) {
            job = job.with(new InputConfig("rows", "reference", null));
        }
        ByteRows ref = reference == null ? null : JoinRowsFixture.rows(reference);
        return Jobs.run(job, kernel, JoinRowsFixture.rows(query), ref);
    }

    /** The edges --keep keeps, in output order, from a plain DP over every ordered pair. */
    static List<EdgeListTest.Edge> bruteForce(byte[][] query, byte[][] reference, OutputOptions o) {
        byte[][] cols = reference == null ? query : reference;
        List<EdgeListTest.Edge> out = new ArrayList<>();
        for (int i = 0; i < query.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                boolean wanted = reference != null || (i == j ? o.includeSelf() : i < j || o.bothDirections());
                double d = JoinRowsFixture.editDistance(query[i], cols[j]);
                if (wanted && o.keep().passes(d)) {
                    out.add(new EdgeListTest.Edge(i, j, d));
                }
            }
        }
        return out;
    }
}
