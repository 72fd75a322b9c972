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
}
