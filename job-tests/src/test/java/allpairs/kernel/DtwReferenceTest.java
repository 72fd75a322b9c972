package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.config.KernelConfig;
import allpairs.io.RowsInput;
import allpairs.support.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dtw against the independent reference of {@code job-tests/src/test/scripts/make_dtw_references.py}
 * (dtaidistance's definition written out in Python, its window = ours + 1), through every input form
 * of the same series: an .npz of 1-D arrays (stored and deflated), a NaN-padded 2-D .npy, an .npz of
 * n×d arrays, a NaN-padded 3-D .npy, NaN-padded flat rows with channels=3, and an unpadded 3-D .npy.
 * Equal to 1e-12 relative, for windows none, 0, 3, 10; with and without a bound.
 */
class DtwReferenceTest {
    static Path resource(String name) {
        try {
            return Path.of(DtwReferenceTest.class.getResource("/allpairs/dtw/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the file as the job does: the kernel configured with what the input implies (channels of a 3-D array). */
    @SuppressWarnings("unchecked")
    static Kernel<DtwKernel.Scratch> kernelFor(Path file, List<String> params) {
        Configuration conf = new Configuration();
        Map<String, Integer> implied = RowsInput.implied("dtw", file.toString(), null, null, conf);
        return (Kernel<DtwKernel.Scratch>) new KernelConfig("dtw", params).configure(implied).kernel();
    }

    @ParameterizedTest(name = "{0} window={2}")
    @CsvSource({
        "series.npz, series, none, ''", "series.npz, series, 0, ''", "series.npz, series, 3, ''",
        "series.npz, series, 10, ''",
        "series_compressed.npz, series, 3, ''",
        "series_nan.npy, series, none, ''", "series_nan.npy, series, 0, ''", "series_nan.npy, series, 3, ''",
        "series_nan.npy, series, 10, ''",
        "series3.npz, series3, none, ''", "series3.npz, series3, 0, ''", "series3.npz, series3, 3, ''",
        "series3_nan.npy, series3, none, ''", "series3_nan.npy, series3, 3, ''", "series3_nan.npy, series3, 10, ''",
        "series3_flat.npy, series3, none, channels=3", "series3_flat.npy, series3, 0, channels=3",
        "equal3.npy, equal3, none, ''", "equal3.npy, equal3, 0, ''", "equal3.npy, equal3, 3, ''",
        "equal3.npy, equal3, 10, ''"})
    void everyInputFormMatchesTheReference(String file, String set, String window, String extra) {
        List<String> params = new ArrayList<>();
        if (!window.equals("none")) {
            params.add("window=" + window);
        }
        if (!extra.isEmpty()) {
            params.add(extra);
        }
        Path path = resource(file);
        Kernel<DtwKernel.Scratch> k = kernelFor(path, params);
        Rows rows = RowsInput.read(path.toString(), null, ElementType.DOUBLE, "dtw", "--input", new Configuration());
        k.checkRows(rows, file);
        double[] ref = Fixtures.float64(resource("ref_" + set + "_" + window + ".npy"));
        int m = rows.rows();
        assertThat(ref).hasSize(m * m);
        DtwKernel.Scratch s = k.newScratch(rows.maxLength());
        double[] exact = new double[m * m];
        for (int i = 0; i < m; i++) {
            k.computeRow(rows, i, rows, 0, m, Double.POSITIVE_INFINITY, s, exact, i * m);
        }
        for (int p = 0; p < m * m; p++) {
            assertThat(exact[p]).as("%s window %s pair (%d, %d)", file, window, p / m, p % m)
                    .isCloseTo(ref[p], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(ref[p]))));
        }
        double[] sorted = exact.clone();
        java.util.Arrays.sort(sorted);
        double bound = sorted[sorted.length / 3];
        double[] bounded = new double[m * m];
        for (int i = 0; i < m; i++) {
            k.computeRow(rows, i, rows, 0, m, bound, s, bounded, i * m);
        }
        for (int p = 0; p < m * m; p++) {
            if (exact[p] <= bound) {
                assertThat(bounded[p]).isEqualTo(exact[p]);
            } else {
                assertThat(bounded[p]).isGreaterThan(bound);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"series.npz, 12, walk_", "series3.npz, 9, mv_"})
    void npzIdsAreTheArrayNamesInArchiveOrder(String file, int m, String prefix) {
        Rows rows = RowsInput.read(resource(file).toString(), null, ElementType.DOUBLE, "dtw", "--input",
                new Configuration());
        assertThat(rows.rows()).isEqualTo(m);
        for (int i = 0; i < m; i++) {
            assertThat(rows.ids()[i]).isEqualTo(prefix + (prefix.equals("walk_") ? String.format("%02d", i) : i));
        }
    }
}
