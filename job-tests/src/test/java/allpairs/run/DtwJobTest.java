package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.OutputOptions;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dtw through the whole job (Spark, tiles, sinks) on series of unequal lengths and several
 * channels: the dense matrix equals the independent reference, and {@code --keep below=X} (where
 * the kernel abandons pairs beyond X) writes exactly the pairs of the dense output within X, with
 * the same bits.
 */
class DtwJobTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(DtwJobTest.class.getResource("/allpairs/dtw/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cli job(String... args) {
        Cli r = Cli.run(TestSpark.conf(), Stream.concat(Stream.of("--kernel", "dtw", "--block-size", "4"),
                Arrays.stream(args)).toArray(String[]::new));
        assertThat(r.exitCode).as(r.toString()).isZero();
        return r;
    }

    @ParameterizedTest(name = "{0} window={2}")
    @CsvSource({"series_nan.npy, series, 3", "series.npz, series, none", "series3_nan.npy, series3, 0",
        "series3.npz, series3, 10", "equal3.npy, equal3, none"})
    void denseEqualsTheReferenceAndKeepBelowEqualsTheFilteredDense(String file, String set, String window)
            throws IOException {
        Path in = resource(file);
        List<String> params = window.equals("none") ? List.of() : List.of("--kernel-param", "window=" + window);
        Path dense = dir.resolve("dense.npy");
        job(Stream.concat(Stream.of("--input", in.toString(), "--output", dense.toString()), params.stream())
                .toArray(String[]::new));
        double[] d = Fixtures.float64(dense);
        double[] ref = Fixtures.float64(resource("ref_" + set + "_" + window + ".npy"));
        assertThat(d).hasSameSizeAs(ref);
        for (int p = 0; p < d.length; p++) {
            assertThat(d[p]).isCloseTo(ref[p], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, ref[p])));
        }
        int m = (int) Math.round(Math.sqrt(d.length));
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        for (double x : new double[] {sorted[d.length / 4], sorted[d.length / 2], sorted[m]}) {
            Path edges = dir.resolve("keep" + x + ".npy");
            job(Stream.concat(Stream.of("--input", in.toString(), "--output", edges.toString(), "--keep",
                    "below=" + x), params.stream()).toArray(String[]::new));
            OutputOptions.Threshold t = OutputOptions.Threshold.parse("below=" + x);
            List<EdgeListTest.Edge> expected = EdgeListTest.keep(d, m, true, t, false, false);
            assertThat(EdgeListTest.readEdges(edges)).as("below=%s", x).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void npzIdsGoToTheSidecarAndAgainstMixesForms() throws IOException {
        Path dense = dir.resolve("d.npy");
        job("--input", resource("series.npz").toString(), "--output", dense.toString());
        List<String> ids = Files.readAllLines(dir.resolve("d.npy.ids.txt"));
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            expected.add(String.format("walk_%02d", k));
        }
        assertThat(ids).isEqualTo(expected);
        // A NaN-padded 3-D query against an .npz of n x 3 arrays of the same series: the reference matrix.
        Path against = dir.resolve("a.npy");
        job("--input", resource("series3_nan.npy").toString(), "--against",
                resource("series3.npz").toString(), "--output", against.toString(),
                "--kernel-param", "window=3");
        double[] a = Fixtures.float64(against);
        double[] ref = Fixtures.float64(resource("ref_series3_3.npy"));
        for (int p = 0; p < a.length; p++) {
            assertThat(a[p]).isCloseTo(ref[p], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, ref[p])));
        }
        assertThat(Files.readAllLines(dir.resolve("a.npy.ref_ids.txt"))).startsWith("mv_0", "mv_1");
    }

    /**
     * Under {@code --keep below=X} (X a low quantile of the distances, so pairs tie with it) and {@code --top-k},
     * where the lower bounds rule pairs out (docs/kernels.md, "DTW pruning"): the edges equal those of the dense
     * matrix, on z-normalised walks (equal rows among them) and NaN-padded shorter rows, with and without a
     * window; the summary counts the pruned pairs.
     */
    @ParameterizedTest(name = "window={0}")
    @CsvSource({"none", "4"})
    void prunedEdgesEqualTheDenseMatrixsEdges(String window) throws IOException {
        Path in = walks(dir.resolve("walks.npy"), 48, 40);
        List<String> params = window.equals("none") ? List.of() : List.of("--kernel-param", "window=" + window);
        Path dense = dir.resolve("dense.npy");
        job(args(in, dense, params));
        double[] d = Fixtures.float64(dense);
        int m = 48;
        double[] sorted = d.clone();
        Arrays.sort(sorted);
        double x = sorted[m + (d.length - m) / 20]; // past the zero diagonal: about 5% of the pairs
        Path kept = dir.resolve("kept.npy");
        Cli keep = job(args(in, kept, params, "--keep", "below=" + x));
        assertThat(EdgeListTest.readEdges(kept)).containsExactlyElementsOf(
                EdgeListTest.keep(d, m, true, OutputOptions.Threshold.parse("below=" + x), false, false));
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(keep.out);
        assertThat(summary.get("pruned_lb_kim").asLong() + summary.get("pruned_lb_keogh").asLong()
                + summary.get("pruned_early_abandon").asLong()).as(keep.out).isGreaterThan(m * m / 8);
        for (String self : new String[] {"", "--include-self"}) {
            Path top = dir.resolve("top" + self + ".npy");
            job(args(in, top, params, "--top-k", "3", self));
            assertThat(EdgeListTest.readEdges(top)).as("top-3 %s", self).containsExactlyElementsOf(
                    EdgeListTest.topK(d, m, 3, true, !self.isEmpty()));
        }
    }

    private static String[] args(Path in, Path out, List<String> params, String... more) {
        return Stream.of(Stream.of("--input", in.toString(), "--output", out.toString()), params.stream(),
                Arrays.stream(more).filter(a -> !a.isEmpty())).flatMap(a -> a).toArray(String[]::new);
    }

    /** m rows of n float64: z-normalised random walks, every 7th a copy of the one before, every 5th NaN-padded. */
    static Path walks(Path file, int m, int n) throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * m * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double[] row = new double[n];
        for (int r = 0; r < m; r++) {
            if (r % 7 != 6) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += rnd.nextGaussian();
                    row[k] = v;
                }
                row = zNormalised(row);
            }
            int len = r % 5 == 4 ? n - 1 - rnd.nextInt(n / 2) : n;
            for (int k = 0; k < n; k++) {
                b.putDouble(k < len ? row[k] : Double.NaN);
            }
        }
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + m + ", " + n + "), }";
        return allpairs.support.NpyFiles.write(file, allpairs.support.NpyFiles.v1(header, b.array()));
    }

    private static double[] zNormalised(double[] s) {
        double mean = Arrays.stream(s).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(s).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        return Arrays.stream(s).map(v -> (v - mean) / (sd > 0 ? sd : 1)).toArray();
    }
}
