package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Fixtures;
import allpairs.support.Launcher;
import allpairs.support.ThrowingKernel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16, in real spark-submit JVMs: a task's fatal error (OutOfMemoryError, StackOverflowError)
 * used to make Spark's executor in local mode call System.exit(52 / 50); now the job fails and the
 * run exits 1 with one line. No exit code outside 0, 1, 2, 130, 143.
 */
class ExitCodesIT {
    @TempDir
    Path dir;

    private Launcher run(String what, String at) throws Exception {
        return Launcher.run(Map.of(), "--master", "local[2]", "--jars", ThrowingKernel.jar(dir).toString(), "--",
                "--input", Fixtures.input(16, 8).toString(), "--output", dir.resolve("o.npy").toString(),
                "--kernel", ThrowingKernel.NAME, "--kernel-param", "throw=" + what, "--kernel-param", "at=" + at,
                "--progress", "off");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "oom,task,out of memory in a task",
        "stack,task,java.lang.StackOverflowError",
        "oom,driver,out of memory on the driver"})
    void aFatalErrorExitsOneWithOneLine(String what, String at, String words) throws Exception {
        Launcher r = run(what, at);
        assertThat(r.exitCode).as(r.toString()).isEqualTo(1);
        assertThat(r.out).isEmpty();
        List<String> ours = r.err.lines().filter(l -> l.startsWith("allpairs:")).toList();
        assertThat(ours).as(r.toString()).hasSize(1);
        assertThat(ours.get(0)).startsWith("allpairs: internal error: ").contains(words);
        assertThat(dir.resolve("o.npy")).doesNotExist();
    }

    @Test
    void aUserErrorPrintsExactlyOneLine() throws Exception {
        Launcher r = run("user", "driver");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        List<String> lines = r.err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        assertThat(lines).as(r.toString()).containsExactly("allpairs: error: the test kernel refuses this row, row 0");
    }
}
