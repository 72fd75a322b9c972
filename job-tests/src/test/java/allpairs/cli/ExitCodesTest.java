package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import allpairs.support.ThrowingKernel;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16: whatever is thrown, the exit code is 1 (one "allpairs: internal error:" line) or 2 when
 * the cause is the input (one "allpairs: error:" line), forced here through a kernel that throws.
 * A task's fatal error (which makes Spark itself exit 52 in local mode) is forced in ExitCodesIT,
 * in a JVM of its own.
 */
class ExitCodesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "oom,driver,1,allpairs: internal error: out of memory on the driver,--driver-memory",
        "stack,driver,1,allpairs: internal error: java.lang.StackOverflowError,StackOverflowError",
        "error,driver,1,allpairs: internal error: java.lang.LinkageError,thrown by the test kernel",
        "runtime,driver,1,allpairs: internal error: java.lang.IllegalStateException,thrown by the test kernel",
        "user,driver,2,allpairs: error: the test kernel refuses this row,row 0",
        "runtime,task,1,allpairs: internal error: ,thrown by the test kernel",
        "user,task,2,allpairs: error: the test kernel refuses this row,row 0"})
    void everyFailureEndsInOneLineAndExitOneOrTwo(String what, String at, int exit, String start, String words)
            throws IOException {
        Path out = dir.resolve("o.npy");
        Cli r = ThrowingKernel.visible(dir, () -> Cli.run(TestSpark.conf(), "--input", Fixtures.input(16, 8).toString(), "--output", out.toString(),
                "--kernel", ThrowingKernel.NAME, "--kernel-param", "throw=" + what, "--kernel-param", "at=" + at,
                "--progress", "off"));
        assertThat(r.exitCode).as(r.toString()).isEqualTo(exit);
        assertThat(r.out).isEmpty();
        assertThat(r.err.lines().filter(l -> l.startsWith("allpairs:"))).as(r.toString()).hasSize(1);
        String line = r.err.lines().filter(l -> l.startsWith("allpairs:")).findFirst().orElseThrow();
        assertThat(line).startsWith(start).contains(words);
        if (exit == 2) {
            assertThat(r.err.lines()).as(r.toString()).hasSize(1);
        }
        assertThat(out).doesNotExist();
    }
}
