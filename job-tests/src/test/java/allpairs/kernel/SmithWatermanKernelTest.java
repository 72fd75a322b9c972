package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.assertComputeDoesNotAllocate;
import static allpairs.kernel.KernelTestSupport.ragged;
import static allpairs.kernel.KernelTestSupport.roundTrip;
import static allpairs.kernel.NeedlemanWunschKernelTest.bruteForce;
import static allpairs.kernel.NeedlemanWunschKernelTest.configured;
import static allpairs.kernel.NeedlemanWunschKernelTest.pair;
import static allpairs.kernel.NeedlemanWunschKernelTest.randomRows;
import static allpairs.kernel.NeedlemanWunschKernelTest.randomScores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.kernel.NeedlemanWunschKernelTest.Scores;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmithWatermanKernelTest {
    /**
     * The reference: the best brute-force global score over all pairs of non-empty substrings, and 0
     * for the empty alignment.
     */
    static double bruteForceLocal(byte[] x, byte[] y, Scores s) {
        double best = 0;
        for (int xa = 0; xa < x.length; xa++) {
            for (int xb = xa + 1; xb <= x.length; xb++) {
                for (int ya = 0; ya < y.length; ya++) {
                    for (int yb = ya + 1; yb <= y.length; yb++) {
                        best = Math.max(best, bruteForce(Arrays.copyOfRange(x, xa, xb), Arrays.copyOfRange(y, ya, yb), s));
                    }
                }
            }
        }
        return best;
    }

    private final SmithWatermanKernel kernel = new SmithWatermanKernel();

    @Test
    void handWorkedExamples() {
        // No common symbol: every non-empty alignment is negative, the empty one scores 0.
        assertThat(pair(kernel, "AAAA", "TTTT")).isEqualTo(0.0);
        // Defaults: the common ACGT, 4 matches; the flanks would only cost.
        assertThat(pair(kernel, "XXACGTYY", "ZACGTZ")).isEqualTo(4.0);
        // Defaults, AACCGG vs AAGG: AA (or GG) scores 2; AACCGG / AA--GG is 4 - 3 = 1. Best = 2.
        assertThat(pair(kernel, "AACCGG", "AAGG")).isEqualTo(2.0);
        // match 5, mismatch -4: now bridging the 2-gap pays: 4 * 5 - 2 - 1 = 17 (versus 10 for AA alone).
        assertThat(pair(configured(kernel, new Scores(5, -4, -2, -1)), "AACCGG", "AAGG")).isEqualTo(17.0);
        // A mismatch inside is kept when the flanks outweigh it: ACGT vs AGGT = 1 - 1 + 1 + 1 = 2.
        assertThat(pair(kernel, "ACGT", "AGGT")).isEqualTo(2.0);
    }

    @Test
    void matchesTheBruteForceOverAllSubstringAlignments() {
        SplittableRandom rnd = new SplittableRandom(33);
        for (int trial = 0; trial < 25; trial++) {
            Scores s = trial == 0 ? Scores.DEFAULTS : randomScores(rnd);
            Kernel<AffineGapKernel.Scratch> k = configured(kernel, s);
            byte[][] rows = randomRows(rnd, 5, 5);
            ByteRows data = ragged(rows);
            AffineGapKernel.Scratch scratch = k.newScratch(data.maxLength());
            for (int i = 0; i < rows.length; i++) {
                for (int j = i; j < rows.length; j++) {
                    assertThat(k.compute(data, i, data, j, scratch)).as("%s pair (%d, %d)", s, i, j)
                            .isEqualTo(bruteForceLocal(rows[i], rows[j], s));
                }
            }
        }
    }

    @Test
    void oneScratchReusedOverRaggedRowsMatchesTheBruteForce() {
        SplittableRandom rnd = new SplittableRandom(9);
        Scores s = new Scores(3, -2, -1.5, -0.5);
        Kernel<AffineGapKernel.Scratch> k = configured(kernel, s);
        byte[][] rows = randomRows(rnd, 10, 5);
        ByteRows data = ragged(rows);
        AffineGapKernel.Scratch scratch = k.newScratch(data.maxLength());
        for (int i = 0; i < rows.length; i++) {
            for (int j = i; j < rows.length; j++) {
                assertThat(k.compute(data, i, data, j, scratch)).isEqualTo(bruteForceLocal(rows[i], rows[j], s));
            }
        }
    }

    @Test
    void isSymmetricAndNeverNegativeOnLongerRandomRows() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int trial = 0; trial < 10; trial++) {
            Scores s = new Scores(rnd.nextInt(-3, 6), rnd.nextInt(-6, 3), -rnd.nextInt(0, 6), -rnd.nextInt(0, 4));
            Kernel<AffineGapKernel.Scratch> k = configured(kernel, s);
            byte[][] rows = randomRows(rnd, 8, 60);
            ByteRows data = ragged(rows);
            AffineGapKernel.Scratch scratch = k.newScratch(data.maxLength());
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < rows.length; j++) {
                    double v = k.compute(data, i, data, j, scratch);
                    assertThat(v).isGreaterThanOrEqualTo(0.0).isEqualTo(k.compute(data, j, data, i, scratch));
                }
            }
        }
    }

    @Test
    void metadataAndRegistration() {
        assertThat(kernel.name()).isEqualTo("sw");
        assertThat(kernel.elementType()).isEqualTo(ElementType.SYMBOL);
        assertThat(kernel.kind()).isEqualTo(KernelKind.SCORE);
        assertThat(kernel.symmetric()).isTrue();
        assertThat(kernel.params()).extracting(Param::name).containsExactly("match", "mismatch", "matrix", "gap-open", "gap-extend");
        assertThat(Kernels.byName("sw")).isInstanceOf(SmithWatermanKernel.class);
    }

    @Test
    void configureFromSettingsAndRejectBadOnes() {
        @SuppressWarnings("unchecked")
        Kernel<AffineGapKernel.Scratch> k =
                (Kernel<AffineGapKernel.Scratch>) Kernels.configured("sw", List.of("match=5", "mismatch=-4"));
        assertThat(k).isInstanceOf(SmithWatermanKernel.class);
        assertThat(pair(k, "AACCGG", "AAGG")).isEqualTo(17.0);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("gap-open=0.1"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("gap-extend=-2000000"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("window=1"))).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("match"))).isInstanceOf(UserError.class);
    }

    @Test
    void survivesJavaSerializationWithItsScores() {
        assertThat(pair(roundTrip(configured(kernel, new Scores(5, -4, -2, -1))), "AACCGG", "AAGG")).isEqualTo(17.0);
    }

    @Test
    void computeDoesNotAllocate() {
        assertComputeDoesNotAllocate(kernel, ragged(randomRows(new SplittableRandom(3), 8, 40)), 100);
    }
}
