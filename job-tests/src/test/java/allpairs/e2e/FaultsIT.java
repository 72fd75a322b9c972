package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Launcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults from outside, as a scheduler sees them: the driver killed with -9 and rerun with the
 * same --checkpoint, SIGTERM and SIGINT, and two runs writing the same output at once.
 * After each, the output path is absent or holds the complete, correct matrix.
 */
class FaultsIT {
    @TempDir
    static Path shared;
    static Path input;
    static byte[] expected;

    @TempDir
    Path dir;

    /** A seed job of ~10-20 s on 2 cores, with many small tiles finishing one after another. */
    @BeforeAll
    static void inputAndCleanRun() throws Exception {
        input = shared.resolve("A.npy");
        Process gen = new ProcessBuilder("java", "-cp", Launcher.root().resolve("job/target/allpairs-job.jar").toString(),
                "allpairs.cli.Main", "generate", "--rows", "320", "--cols", "64", "--seed", "9", "--output", input.toString())
                .inheritIO().start();
        assertThat(gen.waitFor()).isZero();
        Path clean = shared.resolve("clean.npy");
        Launcher r = Launcher.run(java.util.Map.of(), "--master", "local[2]", "--", "--kernel", "seed", "--input", input.toString(),
                "--output", clean.toString(), "--block-size", "16", "--progress=off");
        assertThat(r.exitCode).as(r.toString()).isZero();
        expected = Files.readAllBytes(clean);
    }

    private Process start(Path output, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Launcher.root().resolve("submit.sh").toString(), "--master",
                "local[2]", "--", "--kernel", "seed", "--input", input.toString(), "--output", output.toString(), "--block-size", "16",
                "--progress=off"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Launcher.root().toFile())
                .redirectOutput(dir.resolve("stdout-" + System.nanoTime()).toFile())
                .redirectError(stderrOf(output).toFile());
        pb.environment().remove("SPARK_HOME");
        return pb.start();
    }

    /** Where {@link #start} sends the run's stderr (one file per output name). */
    private Path stderrOf(Path output) {
        return dir.resolve("stderr-" + output.getFileName());
    }

    private static long count(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition, Process p)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            assertThat(p.isAlive()).as("process ended before " + what).isTrue();
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The driver JVM (submit.sh execs into it, so it is the process itself). */
    private static boolean tempExists(Path folder, String name) {
        File[] files = folder.toFile().listFiles((d, n) -> n.startsWith("." + name + ".allpairs-tmp-"));
        return files != null && files.length > 0;
    }

    private static List<String> leftovers(Path folder, String name) {
        String[] files = folder.toFile().list((d, n) -> n.startsWith("." + name));
        return files == null ? List.of() : List.of(files);
    }

    @Test
    void driverKilledWithSigkillResumesFromTheCheckpointToIdenticalBytes() throws Exception {
        Path out = dir.resolve("out.npy");
        Path ck = dir.resolve("ck");
        Process first = start(out, "--checkpoint", ck.toString());
        waitFor("a few stored tiles", () -> {
            try {
                return count(ck.resolve("tiles"), ".tile") >= 4;
            } catch (IOException e) {
                return false;
            }
        }, first);
        first.destroyForcibly(); // SIGKILL: no hook runs
        first.waitFor(30, TimeUnit.SECONDS);
        assertThat(out).doesNotExist();
        long stored = count(ck.resolve("tiles"), ".tile");
        assertThat(stored).isGreaterThanOrEqualTo(4);

        Launcher again = Launcher.run(java.util.Map.of(), "--master", "local[2]", "--", "--kernel", "seed", "--input", input.toString(),
                "--output", out.toString(), "--block-size", "16", "--progress=off", "--checkpoint", ck.toString());
        assertThat(again.exitCode).as(again.toString()).isZero();
        int reused = new ObjectMapper().readTree(again.out).get("tiles_reused").asInt();
        assertThat((long) reused).isGreaterThanOrEqualTo(stored);
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
        assertThat(leftovers(dir, "out.npy")).isEmpty(); // the dead run's temporary and lock are gone
    }

    @Test
    void sigtermAndSigintCancelTheRunAndLeaveTheOutputUntouched() throws Exception {
        for (String[] signal : new String[][] {{"TERM", "143"}, {"INT", "130"}}) {
            Path out = dir.resolve("sig-" + signal[0] + ".npy");
            Process p = start(out);
            waitFor("the run's temporary output", () -> tempExists(dir, out.getFileName().toString()), p);
            Thread.sleep(1500); // well inside the computation
            Process kill = new ProcessBuilder("kill", "-" + signal[0], Long.toString(p.pid())).start();
            assertThat(kill.waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit code after SIG" + signal[0]).isEqualTo(Integer.parseInt(signal[1]));
            assertThat(out).doesNotExist();
            assertThat(leftovers(dir, out.getFileName().toString())).isEmpty();
            // quiet: the one line last, the cancellation in one WARN line, no stack trace (that is at DEBUG)
            List<String> err = Files.readAllLines(stderrOf(out));
            assertThat(err.get(err.size() - 1)).as(String.join("\n", err))
                    .startsWith("allpairs: interrupted, nothing written, ").endsWith(out.toString());
            assertThat(err).as(String.join("\n", err)).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")
                    || l.contains(" ERROR "));
            assertThat(err).as(String.join("\n", err)).filteredOn(l -> l.contains("WARN SignalGuard")).hasSize(1);
        }
    }

    @Test
    void aSecondRunOnTheSameOutputIsRefusedAndTheFirstCompletes() throws Exception {
        Path out = dir.resolve("shared.npy");
        Process first = start(out);
        waitFor("the first run's lock", () -> Files.exists(dir.resolve(".shared.npy.allpairs-lock")), first);
        Launcher second = Launcher.run(java.util.Map.of(), "--master", "local[2]", "--", "--kernel", "seed", "--input", input.toString(),
                "--output", out.toString(), "--progress=off");
        assertThat(second.exitCode).as(second.toString()).isEqualTo(2);
        assertThat(second.err).contains("allpairs: error: another allpairs run is writing this output");
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(expected);
        assertThat(leftovers(dir, "shared.npy")).isEmpty();
    }
}
