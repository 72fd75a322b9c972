package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import allpairs.UserError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MutualInfoKernelTest {
    /**
     * The reference: the contingency table in plain maps, MI = sum of p_xy log(p_xy / (p_x p_y)) with
     * Math.log, in map order.
     */
    static double reference(byte[] x, byte[] y) {
        int n = x.length;
        Map<Integer, Integer> px = new HashMap<>();
        Map<Integer, Integer> py = new HashMap<>();
        Map<List<Integer>, Integer> pxy = new HashMap<>();
        for (int k = 0; k < n; k++) {
            int a = Byte.toUnsignedInt(x[k]);
            int b = Byte.toUnsignedInt(y[k]);
            px.merge(a, 1, Integer::sum);
            py.merge(b, 1, Integer::sum);
            pxy.merge(List.of(a, b), 1, Integer::sum);
        }
        double mi = 0;
        for (Map.Entry<List<Integer>, Integer> e : pxy.entrySet()) {
            double pab = e.getValue() / (double) n;
            double pa = px.get(e.getKey().get(0)) / (double) n;
            double pb = py.get(e.getKey().get(1)) / (double) n;
            mi += pab * Math.log(pab / (pa * pb));
        }
        return Math.max(mi, 0);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int k = 0; k < values.length; k++) {
            b[k] = (byte) values[k];
        }
        return b;
    }

    private final MutualInfoKernel kernel = new MutualInfoKernel();

    private double pair(Kernel<MutualInfoKernel.Scratch> k, byte[] x, byte[] y) {
        ByteRows rows = ragged(x, y);
        return k.compute(rows, 0, rows, 1, k.newScratch(rows.maxLength()));
    }

    /**
     * Relative tolerance 1e-12, plus 1e-14 absolute: the kernel's (sklearn's) form
     * log(n_ab) + log(N) - log(a_x * b_y) cancels terms up to log(N^2) ~ 14 for N = 1000, so each term
     * carries a few ulps of 14 (about 1e-15) times its weight n_ab / N, and the weights sum to 1. That
     * error is absolute: it dominates when MI itself is close to 0.
     */
    private static void assertClose(double actual, double expected) {
        assertThat(actual).isGreaterThanOrEqualTo(0.0).isCloseTo(expected, within(1e-12 * expected + 1e-14));
    }

    @Test
    void handWorkedExamples() {
        // y = x with two equally likely values: MI = H(x) = log 2.
        assertClose(pair(kernel, bytes(0, 1, 0, 1), bytes(0, 1, 0, 1)), Math.log(2));
        // Independent: every cell 1/4 = (1/2)(1/2), each log term 0.
        assertThat(pair(kernel, bytes(0, 0, 1, 1), bytes(0, 1, 0, 1))).isEqualTo(0.0);
        // A constant row carries no information.
        assertThat(pair(kernel, bytes(7, 7, 7, 7), bytes(0, 1, 2, 3))).isEqualTo(0.0);
        assertThat(pair(kernel, bytes(0, 1, 2, 3), bytes(255, 255, 255, 255))).isEqualTo(0.0);
        // A relabelling of 4 distinct values, high bytes included: MI = log 4.
        assertClose(pair(kernel, bytes(0, 128, 200, 255), bytes(255, 3, 129, 0)), Math.log(4));
        // x = [0,0,1,1,1,1], y = [0,0,0,0,1,1]: cells (0,0):2, (1,0):2, (1,1):2; marginals x 2/4, y 4/2.
        // MI = 2/6 log(2*6/(2*4)) + 2/6 log(2*6/(4*4)) + 2/6 log(2*6/(4*2)) = (2 log 1.5 + log 0.75) / 3.
        assertClose(pair(kernel, bytes(0, 0, 1, 1, 1, 1), bytes(0, 0, 0, 0, 1, 1)),
                (2 * Math.log(1.5) + Math.log(0.75)) / 3);
    }

    @Test
    void matchesTheMapReferenceOnRandomRows() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int alphabet : new int[] {2, 3, 16, 256}) {
            for (int n : new int[] {1, 2, 5, 50, 1000}) {
                byte[][] rows = new byte[6][n];
                for (byte[] r : rows) {
                    for (int k = 0; k < n; k++) {
                        r[k] = (byte) rnd.nextInt(alphabet);
                    }
                }
                // a row correlated with row 0 and a relabelled copy of it
                for (int k = 0; k < n; k++) {
                    rows[4][k] = rnd.nextInt(4) == 0 ? (byte) rnd.nextInt(alphabet) : rows[0][k];
                    rows[5][k] = (byte) (255 - Byte.toUnsignedInt(rows[0][k]));
                }
                ByteRows data = ByteRows.rectangular(rows.length, n, flatten(rows));
                MutualInfoKernel.Scratch s = kernel.newScratch(n);
                for (int i = 0; i < rows.length; i++) {
                    for (int j = i; j < rows.length; j++) {
                        assertClose(kernel.compute(data, i, data, j, s), reference(rows[i], rows[j]));
                    }
                }
            }
        }
    }

    @Test
    void oneScratchReusedAcrossRowSetsOfDifferentLengths() {
        // Equal lengths within a pair, but the scratch sees pairs of length 300, then 3, then 40, ...:
        // a table not left clear would corrupt the next pair.
        SplittableRandom rnd = new SplittableRandom(29);
        int[] lengths = {300, 3, 40, 1, 299, 7, 300, 2};
        byte[][] all = new byte[lengths.length * 2][];
        for (int r = 0; r < all.length; r++) {
            all[r] = new byte[lengths[r / 2]];
            for (int k = 0; k < all[r].length; k++) {
                all[r][k] = (byte) rnd.nextInt(r % 4 == 0 ? 256 : 5);
            }
        }
        ByteRows data = ragged(all);
        MutualInfoKernel.Scratch s = kernel.newScratch(data.maxLength());
        for (int rep = 0; rep < 3; rep++) {
            for (int p = 0; p < lengths.length; p++) {
                int i = 2 * p;
                assertClose(kernel.compute(data, i, data, i + 1, s), reference(all[i], all[i + 1]));
                assertClose(kernel.compute(data, i, data, i, s), reference(all[i], all[i]));
            }
        }
    }

    @Test
    void isSymmetricAndDeterministic() {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[][] rows = new byte[6][200];
        for (byte[] r : rows) {
            for (int k = 0; k < r.length; k++) {
                r[k] = (byte) rnd.nextInt(12);
            }
        }
        ByteRows data = ByteRows.rectangular(rows.length, 200, flatten(rows));
        MutualInfoKernel.Scratch s = kernel.newScratch(200);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows.length; j++) {
                double v = kernel.compute(data, i, data, j, s);
                assertThat(v).isGreaterThanOrEqualTo(0.0);
                assertThat(kernel.compute(data, i, data, j, s)).isEqualTo(v);
                assertClose(kernel.compute(data, j, data, i, s), v);
            }
        }
    }

    @Test
    void takesNoParameters() {
        assertThat(Kernels.configured("mi", List.of())).isInstanceOf(MutualInfoKernel.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("bins=16"))).isInstanceOf(UserError.class);
    }

    private static byte[] flatten(byte[][] rows) {
        byte[] flat = new byte[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[i].length);
        }
        return flat;
    }
}
