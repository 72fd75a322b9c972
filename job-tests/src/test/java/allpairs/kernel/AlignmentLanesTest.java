package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The refilled SIMD lanes of nw/sw (issue 30) on tile rows of mixed lengths, longer than the lanes
 * are wide, so lanes are refilled many times, against independent references: the double DP
 * ({@link Kernel#compute}) on random proteins, and closed forms at the 8-, 16- and 32-bit edges
 * (rows of one repeated symbol: sw(a^p, a^q) = s(a,a)·min(p,q); nw adds one gap of |p − q|).
 */
class AlignmentLanesTest {
    private static final String RESIDUES = "ARNDCQEGHILKMFPSTWYV";

    @SuppressWarnings("unchecked")
    private static Kernel<Object> kernel(String name, String... params) {
        return (Kernel<Object>) Kernels.configured(name, List.of(params));
    }

    private static byte[] protein(int length, SplittableRandom rnd) {
        byte[] p = new byte[length];
        for (int k = 0; k < length; k++) {
            p[k] = (byte) RESIDUES.charAt(rnd.nextInt(RESIDUES.length()));
        }
        return p;
    }

    private static byte[] repeat(char symbol, int length) {
        byte[] p = new byte[length];
        Arrays.fill(p, (byte) symbol);
        return p;
    }

    /** Every row against the whole tile row in one computeRow, and in random stretches, equals the double DP. */
    private static void assertRowsMatchTheDoubleDp(Kernel<Object> k, byte[][] rows) {
        ByteRows data = ragged(rows);
        Object scratch = k.newScratch(data.maxLength());
        double[] out = new double[rows.length];
        SplittableRandom rnd = new SplittableRandom(rows.length);
        for (int i = 0; i < rows.length; i++) {
            k.computeRow(data, i, data, 0, rows.length, Double.NEGATIVE_INFINITY, scratch, out, 0);
            double[] expected = new double[rows.length];
            for (int j = 0; j < rows.length; j++) {
                expected[j] = k.compute(data, i, data, j, scratch);
                assertThat(out[j]).as("%s row %d (length %d) col %d (length %d)", k, i, rows[i].length, j,
                        rows[j].length).isEqualTo(expected[j]);
            }
            int from = rnd.nextInt(rows.length);
            int to = from + rnd.nextInt(rows.length - from + 1);
            Arrays.fill(out, Double.NaN);
            k.computeRow(data, i, data, from, to, Double.NEGATIVE_INFINITY, scratch, out, 0);
            for (int j = from; j < to; j++) {
                assertThat(out[j - from]).as("%s row %d col %d in [%d, %d)", k, i, j, from, to).isEqualTo(expected[j]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sw", "nw"})
    void mixedLengthProteinsMatchTheDoubleDp(String name) {
        // 70 proteins of 1..300 residues, a few related (a shared core): more columns than any lane
        // width, lengths all different, so lanes finish at different steps and are refilled.
        SplittableRandom rnd = new SplittableRandom(30);
        byte[] core = protein(120, rnd);
        byte[][] rows = new byte[70][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = protein(1 + rnd.nextInt(r % 7 == 0 ? 300 : 120), rnd);
            if (r % 5 == 0) {
                System.arraycopy(core, 0, rows[r], 0, Math.min(core.length, rows[r].length));
            }
        }
        assertRowsMatchTheDoubleDp(kernel(name, "matrix=BLOSUM62", "gap-open=-10", "gap-extend=-1"), rows);
        // scores beyond the 8-bit lanes' ±40: sw runs in refilled 16-bit lanes as nw does
        assertRowsMatchTheDoubleDp(kernel(name, "match=45", "mismatch=-30", "gap-open=-50", "gap-extend=-7"), rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sw", "nw"})
    void identicalRowsAtThe8And16BitEdgesKeepExactScores(String name) {
        // W scores 11 against itself under BLOSUM62: sw's 8-bit lanes hold a best up to 114 (127 - 11
        // - 1 - 1), so W^10 (110) stays and W^11 (121) is handed to 16 bits; 16 bits hold up to 32,065,
        // so W^2915 (32,065) stays and W^2916 (32,076) and W^2980 (32,780, past 32,767) go to 32 bits.
        int[] lengths = {10, 11, 2980, 2916, 2915, 9, 12, 100, 1, 2, 3, 500, 2914};
        List<byte[]> rows = new ArrayList<>();
        for (int len : lengths) {
            rows.add(repeat('W', len));
        }
        for (int r = 0; r < 40; r++) { // enough other columns to fill every lane width
            rows.add(repeat('W', 13 + r));
        }
        Kernel<Object> k = kernel(name, "matrix=BLOSUM62", "gap-open=-10", "gap-extend=-1");
        ByteRows data = ragged(rows.toArray(new byte[0][]));
        Object scratch = k.newScratch(data.maxLength());
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            k.computeRow(data, i, data, 0, rows.size(), Double.NEGATIVE_INFINITY, scratch, out, 0);
            for (int j = 0; j < rows.size(); j++) {
                int p = rows.get(i).length;
                int q = rows.get(j).length;
                int d = Math.abs(p - q);
                double expected = 11.0 * Math.min(p, q) + (name.equals("nw") && d > 0 ? -10 - (d - 1) : 0);
                assertThat(out[j]).as("%s W^%d / W^%d", name, p, q).isEqualTo(expected);
            }
        }
    }

    @Test
    void hugeScoresAtThe16And32BitLimitsKeepExactScores() {
        // match 40 (8-bit lanes), 41 (16-bit), 700 (16-bit), 701 (32-bit scalar), 200,000 with rows
        // of 3,000 (even 32 bits could overflow: the double DP)
        int[][] cases = {{40, 300}, {41, 300}, {700, 60}, {701, 60}, {200_000, 3000}};
        for (int[] c : cases) {
            int match = c[0];
            List<byte[]> rows = new ArrayList<>();
            for (int r = 0; r < (c[1] > 1000 ? 6 : 40); r++) { // the double DP's rows: few, they are long
                rows.add(repeat('A', c[1] - r * (c[1] / 50)));
            }
            for (String name : List.of("sw", "nw")) {
                Kernel<Object> k = kernel(name, "match=" + match, "mismatch=" + -match, "gap-open=-" + match,
                        "gap-extend=-1");
                ByteRows data = ragged(rows.toArray(new byte[0][]));
                Object scratch = k.newScratch(data.maxLength());
                double[] out = new double[rows.size()];
                for (int i = 0; i < rows.size(); i += 13) {
                    k.computeRow(data, i, data, 0, rows.size(), Double.NEGATIVE_INFINITY, scratch, out, 0);
                    for (int j = 0; j < rows.size(); j++) {
                        int p = rows.get(i).length;
                        int q = rows.get(j).length;
                        int d = Math.abs(p - q);
                        double expected = (double) match * Math.min(p, q)
                                + (name.equals("nw") && d > 0 ? -match - (d - 1) : 0);
                        assertThat(out[j]).as("%s match=%d A^%d / A^%d", name, match, p, q).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
