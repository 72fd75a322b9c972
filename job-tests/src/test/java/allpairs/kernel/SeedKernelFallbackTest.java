package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.SeedReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector} (as a cluster's executors may be)
 * takes the scalar path, gets the same bits, and never loads the class that names Vector API types.
 */
class SeedKernelFallbackTest {
    @Test
    void aJvmWithoutTheVectorModuleUsesTheScalarPathAndNeverLoadsTheSimdClass() throws Exception {
        int n = 37;
        StringBuilder hex = new StringBuilder();
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < 2 * n; k++) {
            hex.append(Integer.toHexString(random.nextInt(16)));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                SeedFallbackProbe.class.getName(), hex.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        byte[][] rows = new byte[2][n];
        for (int k = 0; k < 2 * n; k++) {
            rows[k / n][k % n] = (byte) (Integer.parseInt(hex.substring(k, k + 1), 16) * 17 - 128);
        }
        long expected = Double.doubleToRawLongBits(SeedReference.pair(rows[0], rows[1]));
        assertThat(out).contains("lanes=false bits=" + expected + System.lineSeparator())
                .contains("allpairs.kernel.SeedLanes")
                .doesNotContain("SeedVectorFill")
                .doesNotContain("jdk.incubator.vector");
    }
}
