package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.UserError;
import allpairs.support.TestFs;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** --overwrite killed during its commit: the next run keeps a complete output (issue 13, item 10). */
class InterruptedOverwriteTest {

    /** What the commit of release 0.1 left when killed between its two renames. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void theOldLayoutsStateBetweenTheRenamesKeepsTheOldOutput(TestFs t) throws IOException {
        t.write(".m.npy.allpairs-old-run1", "old complete");
        t.write(".m.npy.allpairs-tmp-run1", "new, complete or not");
        try {
            AtomicOutput.begin(t.fs(), t.path("m.npy"), true).abort();
        } catch (UserError e) {
            // the restored output carries no marker of this release, so --overwrite may refuse it
        }
        assertThat(t.read("m.npy")).isEqualTo("old complete");
        assertThat(t.exists(".m.npy.allpairs-tmp-run1")).isFalse();
    }
}
