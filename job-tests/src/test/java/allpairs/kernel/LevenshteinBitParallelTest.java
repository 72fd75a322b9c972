package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The bit-parallel levenshtein against a plain two-row DP written here: single-word and multi-word
 * patterns (lengths crossing every multiple of 64 up to 600), alphabets of 2 to 256 byte values
 * (bytes >= 128 included), related rows (small distances) and unrelated ones, through both entry
 * points, with and without a bound.
 */
class LevenshteinBitParallelTest {
    private static final int[] EDGE_LENGTHS = {0, 1, 2, 5, 31, 63, 64, 65, 100, 127, 128, 129, 191, 192, 193, 255,
        256, 257, 319, 320, 321, 447, 448, 449, 511, 512, 513, 575, 576, 577, 600};

    private final LevenshteinKernel kernel = new LevenshteinKernel();

    /** The reference: the textbook recurrence, two rows, symbols compared as unsigned bytes. */
    static int dp(byte[] x, byte[] y) {
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int sub = prev[j - 1] + ((x[i - 1] & 0xff) == (y[j - 1] & 0xff) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }

    /**
     * Rows of the edge lengths and random lengths up to 600 over {@code alphabet} symbols (taken from
     * the top of the byte range, so bytes >= 128 always occur), half of them edited copies of an
     * earlier row (a few substitutions, insertions and deletions: small distances).
     */
    static byte[][] rows(int alphabet, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<byte[]> rows = new ArrayList<>();
        for (int len : EDGE_LENGTHS) {
            rows.add(KernelTestSupport.randomSymbols(len, alphabet, rnd));
        }
        for (int r = 0; r < 12; r++) {
            rows.add(KernelTestSupport.randomSymbols(rnd.nextInt(601), alphabet, rnd));
        }
        int unrelated = rows.size();
        for (int r = 0; r < unrelated; r++) {
            rows.add(edited(rows.get(rnd.nextInt(unrelated)), alphabet, rnd));
        }
        rows.add(rows.get(7).clone()); // an equal row (length 64)
        rows.add(rows.get(rows.size() - 2).clone());
        return rows.toArray(new byte[0][]);
    }

    private static byte[] edited(byte[] base, int alphabet, SplittableRandom rnd) {
        int edits = rnd.nextInt(1 + Math.max(1, base.length / 20));
        List<Byte> row = new ArrayList<>();
        for (byte b : base) {
            row.add(b);
        }
        for (int e = 0; e < edits; e++) {
            int op = rnd.nextInt(3);
            byte sym = (byte) (255 - rnd.nextInt(alphabet));
            if (op == 0 || row.isEmpty()) {
                row.add(rnd.nextInt(row.size() + 1), sym);
            } else if (op == 1) {
                row.remove(rnd.nextInt(row.size()));
            } else {
                row.set(rnd.nextInt(row.size()), sym);
            }
        }
        byte[] out = new byte[Math.min(600, row.size())];
        for (int k = 0; k < out.length; k++) {
            out[k] = row.get(k);
        }
        return out;
    }

    private static int[][] reference(byte[][] rows) {
        int[][] d = new int[rows.length][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = i; j < rows.length; j++) {
                d[i][j] = dp(rows[i], rows[j]);
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    @ParameterizedTest(name = "alphabet of {0}")
    @ValueSource(ints = {2, 4, 20, 256})
    void everyPairMatchesTheDpThroughBothEntryPointsWithAndWithoutABound(int alphabet) {
        byte[][] rows = rows(alphabet, 1000 + alphabet);
        int[][] d = reference(rows);
        ByteRows data = ragged(rows);
        LevenshteinKernel.Scratch s = kernel.newScratch(data.maxLength());
        int m = rows.length;
        double[] out = new double[m + 3];
        for (double bound : new double[] {Double.POSITIVE_INFINITY, 0, 1, 3, 3.5, 10, 40, 200, -1}) {
            for (int i = 0; i < m; i++) {
                kernel.computeRow(data, i, data, 0, m, bound, s, out, 3);
                for (int j = 0; j < m; j++) {
                    double got = out[3 + j];
                    if (d[i][j] <= bound) {
                        assertThat(got).as("pair (%d, %d), bound %s", i, j, bound).isEqualTo(d[i][j]);
                    } else {
                        assertThat(got).as("pair (%d, %d) = %d, bound %s", i, j, d[i][j], bound).isGreaterThan(bound);
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                assertThat(kernel.compute(data, i, data, j, s)).as("pair (%d, %d)", i, j).isEqualTo(d[i][j]);
            }
        }
    }

    @Test
    void aColumnRangeWritesOnlyItsSlotsAndAScratchForLongerRowsGivesTheSameValues() {
        byte[][] rows = rows(4, 7);
        int[][] d = reference(rows);
        ByteRows data = ragged(rows);
        LevenshteinKernel.Scratch big = kernel.newScratch(5000);
        double[] out = new double[rows.length];
        java.util.Arrays.fill(out, -7);
        kernel.computeRow(data, 40, data, 10, 20, Double.POSITIVE_INFINITY, big, out, 5);
        for (int c = 0; c < out.length; c++) {
            double expected = c >= 5 && c < 15 ? d[40][10 + c - 5] : -7;
            assertThat(out[c]).as("slot %d", c).isEqualTo(expected);
        }
    }

    @Test
    void emptyAndEqualRows() {
        byte[] long1 = KernelTestSupport.randomSymbols(300, 256, new SplittableRandom(3));
        ByteRows data = ragged(new byte[0], new byte[0], long1, long1.clone(), new byte[] {(byte) 200});
        LevenshteinKernel.Scratch s = kernel.newScratch(data.maxLength());
        double[] out = new double[5];
        kernel.computeRow(data, 0, data, 0, 5, Double.POSITIVE_INFINITY, s, out, 0);
        assertThat(out).containsExactly(0, 0, 300, 300, 1);
        kernel.computeRow(data, 2, data, 0, 5, Double.POSITIVE_INFINITY, s, out, 0);
        assertThat(out).containsExactly(300, 300, 0, 0, dp(long1, new byte[] {(byte) 200}));
        kernel.computeRow(data, 3, data, 0, 5, 0, s, out, 0);
        assertThat(out[2]).isZero();
        assertThat(out[3]).isZero();
        assertThat(out[0]).isGreaterThan(0);
    }

    @Test
    void computeRowDoesNotAllocateOnceWarm() {
        byte[][] rows = rows(4, 9);
        ByteRows data = ragged(rows);
        LevenshteinKernel.Scratch s = kernel.newScratch(data.maxLength());
        double[] out = new double[rows.length];
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        // The SIMD lanes (Vector API) allocate until C2 compiles their loops: allow warm-up passes.
        long allocated = Long.MAX_VALUE;
        for (int pass = 0; pass < 40 && allocated >= 4096; pass++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int rep = 0; rep < 3; rep++) {
                for (int i = 0; i < rows.length; i++) {
                    kernel.computeRow(data, i, data, 0, rows.length, rep == 1 ? 3 : Double.POSITIVE_INFINITY, s, out, 0);
                }
            }
            allocated = mx.getThreadAllocatedBytes(tid) - before;
        }
        assertThat(allocated).as("bytes allocated over %d pairs", 3 * rows.length * rows.length).isLessThan(4096);
    }
}
