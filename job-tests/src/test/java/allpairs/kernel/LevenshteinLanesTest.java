package allpairs.kernel;

import static allpairs.kernel.KernelTestSupport.ragged;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Levenshtein's SIMD lanes (patterns of 1..128, one text per lane, {@link MyersLanes}) against the
 * plain DP of {@link LevenshteinBitParallelTest}, unbounded and bounded (one-word patterns stop a lane
 * once its diagonal passes the bound): ragged texts (so lanes finish on the scalar loop
 * from their state), groups at every alignment of the column range, empty texts inside a group,
 * texts longer than a chunk; and the scalar fallback in a JVM without the Vector API module.
 */
class LevenshteinLanesTest {
    private final LevenshteinKernel kernel = new LevenshteinKernel();

    /** Rows of lengths 0..200 (mostly 1..140: one and two words), half of them edited copies. */
    private static byte[][] rows(int alphabet, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<byte[]> rows = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            int len = r % 13 == 5 ? 0 : r % 7 == 3 ? 129 + rnd.nextInt(72) : 1 + rnd.nextInt(140);
            rows.add(KernelTestSupport.randomSymbols(len, alphabet, rnd));
        }
        for (int r = 0; r < 40; r++) {
            byte[] copy = rows.get(rnd.nextInt(40)).clone();
            for (int e = 0; e < 1 + copy.length / 25 && copy.length > 0; e++) {
                copy[rnd.nextInt(copy.length)] = (byte) (255 - rnd.nextInt(alphabet));
            }
            rows.add(r % 2 == 0 || copy.length < 2 ? copy : java.util.Arrays.copyOf(copy, copy.length - 1));
        }
        return rows.toArray(new byte[0][]);
    }

    @ParameterizedTest(name = "alphabet of {0}")
    @ValueSource(ints = {2, 4, 256})
    void everyGroupAlignmentMatchesTheDpWithAndWithoutABound(int alphabet) {
        assertThat(MyersLanes.AVAILABLE).as("the tests run with jdk.incubator.vector").isTrue();
        byte[][] rows = rows(alphabet, 70 + alphabet);
        ByteRows data = ragged(rows);
        LevenshteinKernel.Scratch s = kernel.newScratch(data.maxLength());
        int m = rows.length;
        double[] out = new double[m];
        for (double bound : new double[] {Double.POSITIVE_INFINITY, 3, 12, 0}) {
            for (int i = 0; i < m; i++) {
                int from = i % (MyersLanes.LANES + 1);
                kernel.computeRow(data, i, data, from, m, bound, s, out, 0);
                for (int j = from; j < m; j++) {
                    int d = LevenshteinBitParallelTest.dp(rows[i], rows[j]);
                    if (d <= bound) {
                        assertThat(out[j - from]).as("pair (%d, %d), bound %s", i, j, bound).isEqualTo(d);
                    } else {
                        assertThat(out[j - from]).as("pair (%d, %d) = %d, bound %s", i, j, d, bound)
                                .isGreaterThan(bound);
                    }
                }
            }
        }
    }

    @Test
    void aJvmWithoutTheVectorModuleGetsTheSameDistancesAndNeverLoadsTheLaneLoops() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> args = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            StringBuilder row = new StringBuilder();
            int len = r == 0 ? 100 : 40 + rnd.nextInt(90);
            for (int k = 0; k < len; k++) {
                row.append("ACGT".charAt(rnd.nextInt(4)));
            }
            args.add(row.toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                LevenshteinFallbackProbe.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        StringBuilder expected = new StringBuilder("lanes=false distances=");
        byte[] first = args.get(0).getBytes(StandardCharsets.US_ASCII);
        for (String row : args) {
            expected.append(LevenshteinBitParallelTest.dp(first, row.getBytes(StandardCharsets.US_ASCII))).append(',');
        }
        assertThat(out).contains(expected + System.lineSeparator())
                .contains("allpairs.kernel.MyersLanes")
                .doesNotContain("MyersLaneLoops")
                .doesNotContain("jdk.incubator.vector");
    }
}
