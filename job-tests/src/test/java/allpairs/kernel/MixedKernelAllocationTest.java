package allpairs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: in a JVM whose lanes ran levenshtein first, sw's and nw's lane loops must still reach zero
 * allocation per pair, and no kernel may miss the Vector API's operator caches after the warm-up (the
 * misses were what let C2 give up the store intrinsics; see {@link VectorWarmup}). A fresh JVM, so that
 * the order is the production one: nothing used the Vector API before the kernels. The cache check is
 * deterministic (without the warm-up every kernel's first operations miss); the allocation check failed
 * about one run in seven on a loaded machine before the fix.
 */
class MixedKernelAllocationTest {
    @Test
    void swAndNwLanesAllocateNothingAfterLevenshteinsAndNoOperatorLookUpMisses() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--add-opens", "jdk.incubator.vector/jdk.incubator.vector=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), MixedKernelAllocationProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as(out).contains("levenshtein pairs=", "sw pairs=", "nw pairs=")
                .containsPattern("(?m)^levenshtein pairs=\\d+ bytes=0$")
                .containsPattern("(?m)^sw pairs=\\d+ bytes=0$")
                .containsPattern("(?m)^nw pairs=\\d+ bytes=0$")
                .contains("cache-misses=0")
                .contains("planning-warmed=false", "scratch-warmed=true"); // issue 27: a driver that only plans
    }
}
