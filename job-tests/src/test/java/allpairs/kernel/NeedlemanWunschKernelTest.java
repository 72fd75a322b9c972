package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.assertComputeDoesNotAllocate;
import static allpairs.kernel.KernelTestSupport.ragged;
import static allpairs.kernel.KernelTestSupport.roundTrip;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import allpairs.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeedlemanWunschKernelTest {
    /** Scores of one alignment model, for the brute force. */
    record Scores(double match, double mismatch, double gapOpen, double gapExtend) {
        static final Scores DEFAULTS = new Scores(1, -1, -2, -1);

        List<String> settings() {
            return List.of("match=" + match, "mismatch=" + mismatch, "gap-open=" + gapOpen, "gap-extend=" + gapExtend);
        }
    }

    /**
     * Every global alignment of x and y as a column string: 'M' aligns x[i] with y[j], 'X' is x[i]
     * against a gap, 'Y' is y[j] against a gap.
     */
    static List<String> allAlignments(int n, int m) {
        List<String> out = new ArrayList<>();
        enumerate(n, m, new StringBuilder(), out);
        return out;
    }

    private static void enumerate(int n, int m, StringBuilder prefix, List<String> out) {
        if (n == 0 && m == 0) {
            out.add(prefix.toString());
            return;
        }
        for (char c : new char[] {'M', 'X', 'Y'}) {
            int dn = c == 'Y' ? 0 : 1;
            int dm = c == 'X' ? 0 : 1;
            if (n >= dn && m >= dm) {
                prefix.append(c);
                enumerate(n - dn, m - dm, prefix, out);
                prefix.setLength(prefix.length() - 1);
            }
        }
    }

    /** Scores one alignment: each maximal run of X (or of Y) of length L is one gap, open + (L-1) extend. */
    static double score(String columns, byte[] x, byte[] y, Scores s) {
        double total = 0;
        int i = 0;
        int j = 0;
        int k = 0;
        while (k < columns.length()) {
            char c = columns.charAt(k);
            int run = 1;
            while (k + run < columns.length() && columns.charAt(k + run) == c) {
                run++;
            }
            if (c == 'M') {
                for (int r = 0; r < run; r++, i++, j++) {
                    total += x[i] == y[j] ? s.match() : s.mismatch();
                }
            } else {
                total += s.gapOpen() + (run - 1) * s.gapExtend();
                if (c == 'X') {
                    i += run;
                } else {
                    j += run;
                }
            }
            k += run;
        }
        return total;
    }

    /** The reference: the best score over all alignments (sequences of at most ~5 symbols). */
    static double bruteForce(byte[] x, byte[] y, Scores s) {
        double best = Double.NEGATIVE_INFINITY;
        for (String a : allAlignments(x.length, y.length)) {
            best = Math.max(best, score(a, x, y, s));
        }
        return best;
    }

    static Kernel<AffineGapKernel.Scratch> configured(AffineGapKernel kernel, Scores s) {
        return kernel.configure(Kernels.parse(kernel, s.settings()));
    }

    static double pair(Kernel<AffineGapKernel.Scratch> k, String x, String y) {
        ByteRows rows = ragged(x.getBytes(ISO_8859_1), y.getBytes(ISO_8859_1));
        return k.compute(rows, 0, rows, 1, k.newScratch(rows.maxLength()));
    }

    /** Random rows of 1..maxLen symbols over a 3-letter alphabet (0x41, 0x80, 0xFF: by bit pattern). */
    static byte[][] randomRows(SplittableRandom rnd, int count, int maxLen) {
        byte[] alphabet = {0x41, (byte) 0x80, (byte) 0xFF};
        byte[][] rows = new byte[count][];
        for (int r = 0; r < count; r++) {
            rows[r] = new byte[1 + rnd.nextInt(maxLen)];
            for (int k = 0; k < rows[r].length; k++) {
                rows[r][k] = alphabet[rnd.nextInt(alphabet.length)];
            }
        }
        return rows;
    }

    /** Scores that are multiples of 1/2, so every sum is exact and results compare bit for bit. */
    static Scores randomScores(SplittableRandom rnd) {
        return new Scores(rnd.nextInt(-4, 9) / 2.0, rnd.nextInt(-8, 5) / 2.0, -rnd.nextInt(0, 9) / 2.0,
                -rnd.nextInt(0, 7) / 2.0);
    }

    private final NeedlemanWunschKernel kernel = new NeedlemanWunschKernel();

    @Test
    void handWorkedExamples() {
        // Two gaps beat one mismatch: A- / -C scores -2 + -2 = -4 (an insertion right after a deletion).
        assertThat(pair(configured(kernel, new Scores(1, -10, -2, -1)), "A", "C")).isEqualTo(-4.0);
        // Defaults: ACGT/ACGT, four matches = 4.
        assertThat(pair(kernel, "ACGT", "ACGT")).isEqualTo(4.0);
        // Defaults, GAACT vs GAT: two x symbols must face gaps. One gap of 2 costs -2 - 1 = -3 and
        // GAACT / GA--T keeps 3 matches: 3 - 3 = 0. Two gaps of 1 cost -4 (at most 3 matches: -1);
        // any other layout has fewer matches or more gap columns. Best = 0.
        assertThat(pair(kernel, "GAACT", "GAT")).isEqualTo(0.0);
        // Defaults, AAAA vs AA: end gaps count like inner ones: AAAA / AA-- = 2 - 2 - 1 = -1.
        assertThat(pair(kernel, "AAAA", "AA")).isEqualTo(-1.0);
        // match 2, mismatch -1, open -0.5, extend -0.1, TACCG vs ACG: TACCG / -AC-G has 3 matches and
        // two 1-gaps: 6 - 0.5 - 0.5 = 5.0; a single 2-gap (-0.6) leaves at most 2 matches and a
        // mismatch (TA deleted: CCG/ACG = -1 + 4 = 3, total 2.4).
        assertThat(pair(configured(kernel, new Scores(2, -1, -0.5, -0.1)), "TACCG", "ACG")).isCloseTo(5.0, within(1e-12));
        // Defaults, A vs CCC: A/C mismatch plus a 2-gap: -1 - 3 = -4; versus a 1-gap for A and a 3-gap: -2 - 4 = -6.
        assertThat(pair(kernel, "A", "CCC")).isEqualTo(-4.0);
    }

    @Test
    void matchesTheBruteForceOverAllAlignments() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int trial = 0; trial < 60; trial++) {
            Scores s = trial == 0 ? Scores.DEFAULTS : randomScores(rnd);
            Kernel<AffineGapKernel.Scratch> k = configured(kernel, s);
            byte[][] rows = randomRows(rnd, 6, 5);
            ByteRows data = ragged(rows);
            AffineGapKernel.Scratch scratch = k.newScratch(data.maxLength());
            for (int i = 0; i < rows.length; i++) {
                for (int j = i; j < rows.length; j++) {
                    assertThat(k.compute(data, i, data, j, scratch)).as("%s pair (%d, %d)", s, i, j)
                            .isEqualTo(bruteForce(rows[i], rows[j], s));
                }
            }
        }
    }

    @Test
    void oneScratchReusedOverRaggedRowsMatchesTheBruteForce() {
        SplittableRandom rnd = new SplittableRandom(8);
        Scores s = new Scores(2, -1.5, -2.5, -0.5);
        Kernel<AffineGapKernel.Scratch> k = configured(kernel, s);
        // lengths 1..5 in a mixed order, so long pairs are followed by short ones
        byte[][] rows = randomRows(rnd, 14, 5);
        ByteRows data = ragged(rows);
        AffineGapKernel.Scratch scratch = k.newScratch(data.maxLength());
        for (int rep = 0; rep < 2; rep++) {
            for (int i = 0; i < rows.length; i++) {
                for (int j = i; j < rows.length; j++) {
                    assertThat(k.compute(data, i, data, j, scratch)).isEqualTo(bruteForce(rows[i], rows[j], s));
                }
            }
        }
    }

    @Test
    void isSymmetricOnLongerRandomRows() {
        SplittableRandom rnd = new SplittableRandom(4);
        for (int trial = 0; trial < 10; trial++) {
            Scores s = new Scores(rnd.nextInt(-3, 6), rnd.nextInt(-6, 3), -rnd.nextInt(0, 6), -rnd.nextInt(0, 4));
            Kernel<AffineGapKernel.Scratch> k = configured(kernel, s);
            byte[][] rows = randomRows(rnd, 8, 60);
            ByteRows data = ragged(rows);
            AffineGapKernel.Scratch scratch = k.newScratch(data.maxLength());
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < rows.length; j++) {
                    assertThat(k.compute(data, i, data, j, scratch)).isEqualTo(k.compute(data, j, data, i, scratch));
                }
            }
        }
    }

    @Test
    void metadataAndRegistration() {
        assertThat(kernel.name()).isEqualTo("nw");
        assertThat(kernel.elementType()).isEqualTo(ElementType.SYMBOL);
        assertThat(kernel.kind()).isEqualTo(KernelKind.SCORE);
        assertThat(kernel.symmetric()).isTrue();
        assertThat(kernel.params()).extracting(Param::name).containsExactly("match", "mismatch", "matrix", "gap-open", "gap-extend");
        assertThat(Kernels.byName("nw")).isInstanceOf(NeedlemanWunschKernel.class);
    }

    @Test
    void configureFromSettingsAndRejectBadOnes() {
        Kernel<?> k = Kernels.configured("nw", List.of("gap-open=-3", "mismatch=-10"));
        assertThat(k).isInstanceOf(NeedlemanWunschKernel.class).isNotSameAs(kernel);
        @SuppressWarnings("unchecked")
        Kernel<AffineGapKernel.Scratch> typed = (Kernel<AffineGapKernel.Scratch>) k;
        // A vs C: two 1-gaps (-6) beat a mismatch (-10); defaults keep the mismatch (-1).
        assertThat(pair(typed, "A", "C")).isEqualTo(-6.0);
        assertThat(pair(kernel, "A", "C")).isEqualTo(-1.0);
        // defaults are filled in: AAAA vs AA with gap-open -3, gap-extend -1: 2 - 3 - 1 = -2
        assertThat(pair(typed, "AAAA", "AA")).isEqualTo(-2.0);

        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("gap-open=1"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("gap-extend=0.5"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("match=2e6"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("mismatch=-1000001"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("gap=-1"))).isInstanceOf(UserError.class)
                .hasMessageContaining("gap");
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("match=NaN"))).isInstanceOf(UserError.class);
    }

    @Test
    void survivesJavaSerializationWithItsScores() {
        Kernel<AffineGapKernel.Scratch> k = configured(kernel, new Scores(1, -10, -2, -1));
        assertThat(pair(roundTrip(k), "A", "C")).isEqualTo(-4.0);
    }

    @Test
    void computeDoesNotAllocate() {
        assertComputeDoesNotAllocate(kernel, ragged(randomRows(new SplittableRandom(2), 8, 40)), 100);
    }
}
