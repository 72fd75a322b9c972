package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LevenshteinKernelTest {
    private final LevenshteinKernel kernel = new LevenshteinKernel();

    /** The reference: the full (n+1) x (m+1) matrix of the textbook recurrence. */
    static int reference(byte[] x, byte[] y) {
        int[][] d = new int[x.length + 1][y.length + 1];
        for (int i = 0; i <= x.length; i++) {
            for (int j = 0; j <= y.length; j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                } else {
                    int sub = d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                    d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                }
            }
        }
        return d[x.length][y.length];
    }

    private double pair(Kernel<LevenshteinKernel.Scratch> k, String x, String y) {
        ByteRows rows = ragged(x.getBytes(ISO_8859_1), y.getBytes(ISO_8859_1));
        return k.compute(rows, 0, rows, 1, k.newScratch(rows.maxLength()));
    }

    @Test
    void textbookCases() {
        assertThat(pair(kernel, "kitten", "sitting")).isEqualTo(3.0);
        assertThat(pair(kernel, "sitting", "kitten")).isEqualTo(3.0);
        assertThat(pair(kernel, "flaw", "lawn")).isEqualTo(2.0);
        assertThat(pair(kernel, "intention", "execution")).isEqualTo(5.0);
        assertThat(pair(kernel, "abc", "abc")).isEqualTo(0.0);
        assertThat(pair(kernel, "a", "b")).isEqualTo(1.0);
        assertThat(pair(kernel, "abc", "xyzabc")).isEqualTo(3.0);
    }

    @Test
    void comparesBytesByBitPatternIncludingHighBytes() {
        ByteRows rows = ragged(new byte[] {(byte) 0x80, (byte) 0xFF, 1}, new byte[] {(byte) 0x80, (byte) 0xFE, 1},
                new byte[] {0, 0x7F, 1});
        LevenshteinKernel.Scratch s = kernel.newScratch(3);
        assertThat(kernel.compute(rows, 0, rows, 1, s)).isEqualTo(1.0);
        assertThat(kernel.compute(rows, 0, rows, 2, s)).isEqualTo(2.0);
        assertThat(kernel.compute(rows, 0, rows, 0, s)).isEqualTo(0.0);
    }

    @Test
    void oneScratchReusedOverRaggedRandomRowsMatchesTheReference() {
        SplittableRandom rnd = new SplittableRandom(11);
        byte[][] rows = new byte[40][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new byte[1 + rnd.nextInt(r % 3 == 0 ? 60 : 12)];
            for (int k = 0; k < rows[r].length; k++) {
                // a small alphabet so rows share symbols; it includes bytes >= 0x80
                rows[r][k] = (byte) (0x7E + rnd.nextInt(5));
            }
        }
        ByteRows data = ragged(rows);
        LevenshteinKernel.Scratch s = kernel.newScratch(data.maxLength());
        for (int i = 0; i < rows.length; i++) {
            for (int j = i; j < rows.length; j++) {
                assertThat(kernel.compute(data, i, data, j, s)).as("pair (%d, %d)", i, j)
                        .isEqualTo(reference(rows[i], rows[j]));
                assertThat(kernel.compute(data, j, data, i, s)).isEqualTo(reference(rows[i], rows[j]));
            }
        }
    }

    @Test
    void takesNoParameters() {
        assertThat(Kernels.configured("levenshtein", List.of())).isInstanceOf(LevenshteinKernel.class);
        assertThatThrownBy(() -> Kernels.parse(kernel, List.of("window=3")))
                .isInstanceOf(UserError.class).hasMessageContaining("window");
    }

}
