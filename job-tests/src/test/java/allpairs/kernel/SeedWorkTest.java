package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.SeedReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the seed kernel's work per pair is n^3 inner steps (one term evaluated and added to its
 * cell), exactly, on the SIMD and the scalar path. Every cell of the definition depends only on
 * a - b, so a shortcut that fills the table from n distinct cells gives the same bits in about n^2
 * steps; only counting the steps catches it. The count is a test hook ({@link SeedSteps}), on only
 * in a JVM started with {@code -Dallpairs.seed.countSteps=true}, so this test starts one.
 */
class SeedWorkTest {
    private static final int[] SIZES = {1, 3, 8, 9, 64, 65, 256};

    @Test
    void everyPairTakesExactlyNCubedInnerStepsOnBothPaths() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "--add-modules", "jdk.incubator.vector",
                "-Dallpairs.seed.countSteps=true", "-cp", System.getProperty("java.class.path"),
                SeedStepsProbe.class.getName()));
        for (int n : SIZES) {
            cmd.add(Integer.toString(n));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("counting=true");
        for (String path : new String[] {"VECTOR", "SCALAR"}) {
            for (int n : SIZES) {
                ByteRows rows = SeedStepsProbe.rows(n);
                byte[] x = Arrays.copyOfRange(rows.data(), 0, n);
                byte[] y = Arrays.copyOfRange(rows.data(), n, 2 * n);
                long bits = Double.doubleToRawLongBits(SeedReference.pair(x, y));
                long cube = (long) n * n * n;
                assertThat(out).as("%s path, n = %d", path, n)
                        .contains(path + " n=" + n + " steps=" + cube + " bits=" + bits + System.lineSeparator());
            }
        }
    }

    @Test
    void theHookIsOffInAnOrdinaryJvm() {
        assertThat(SeedSteps.COUNTING).isFalse();
        ByteRows rows = SeedStepsProbe.rows(9);
        SeedKernel kernel = new SeedKernel();
        SeedSteps.take();
        kernel.compute(rows, 0, rows, 1, kernel.newScratch(9));
        assertThat(SeedSteps.take()).isZero();
    }
}
