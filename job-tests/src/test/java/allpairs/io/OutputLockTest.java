package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.UserError;
import allpairs.support.TestFs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The output lock is exclusive on every file system we support (issue 13, item 8). */
class OutputLockTest {
    /** Local trials are cheap; on the mini HDFS each create and delete is a NameNode call (about 0.1 s). */
    private static int trials(TestFs t) {
        return t.name().equals("local") ? 300 : 30;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void twoThreadsStartedTogetherNeverBothHoldTheLock(TestFs t) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < trials(t); trial++) {
                Path target = t.path("m" + trial + ".npy");
                CyclicBarrier start = new CyclicBarrier(2);
                CyclicBarrier attempted = new CyclicBarrier(2);
                List<Future<Boolean>> won = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String run = "thread-" + i;
                    won.add(pool.submit(() -> contend(t, target, run, start, attempted)));
                }
                int winners = 0;
                for (Future<Boolean> f : won) {
                    winners += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("holders in trial %d", trial).isEqualTo(1);
                assertThat(t.fs().exists(OutputLock.pathFor(target))).as("released").isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean contend(TestFs t, Path target, String run, CyclicBarrier start, CyclicBarrier attempted)
            throws Exception {
        start.await();
        OutputLock lock = null;
        try {
            lock = OutputLock.acquire(t.fs(), target, run);
        } catch (UserError refused) {
            // the other thread holds it
        }
        attempted.await(); // the winner holds the lock until both have tried
        if (lock != null) {
            lock.release();
        }
        return lock != null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allpairs.support.TestFs#both")
    void twoProcessesStartedTogetherNeverBothHoldTheLock(TestFs t) throws Exception {
        List<Process> procs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                procs.add(new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), LockContender.class.getName(),
                        t.root().toString(), "p" + i).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            List<PrintStream> in = procs.stream().map(p -> new PrintStream(p.getOutputStream(), true,
                    StandardCharsets.UTF_8)).toList();
            List<BufferedReader> out = procs.stream().map(p -> new BufferedReader(new InputStreamReader(
                    p.getInputStream(), StandardCharsets.UTF_8))).toList();
            for (BufferedReader r : out) {
                assertThat(r.readLine()).isEqualTo("ready");
            }
            for (int trial = 0; trial < trials(t); trial++) {
                for (PrintStream s : in) { // both wait on their stdin: this is the barrier
                    s.println("m" + trial + ".npy");
                }
                int winners = 0;
                for (BufferedReader r : out) {
                    winners += "won".equals(r.readLine()) ? 1 : 0;
                }
                for (PrintStream s : in) {
                    s.println("release");
                }
                for (BufferedReader r : out) {
                    assertThat(r.readLine()).isEqualTo("done");
                }
                assertThat(winners).as("holders in trial %d", trial).isEqualTo(1);
            }
            for (PrintStream s : in) {
                s.close();
            }
            for (Process p : procs) {
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
            }
        } finally {
            procs.forEach(Process::destroyForcibly);
        }
    }

    /** One contender process: for each output name on stdin, try the lock, say won/lost, release on cue. */
    public static final class LockContender {
        public static void main(String[] args) throws IOException {
            Path root = new Path(args[0]);
            var fs = HadoopFs.of(root, new org.apache.hadoop.conf.Configuration());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("ready");
            System.out.flush();
            for (String name = in.readLine(); name != null; name = in.readLine()) {
                OutputLock lock = null;
                try {
                    lock = OutputLock.acquire(fs, new Path(root, name), args[1]);
                } catch (UserError refused) {
                    // the other process holds it
                }
                System.out.println(lock != null ? "won" : "lost");
                System.out.flush();
                in.readLine(); // "release"
                if (lock != null) {
                    lock.release();
                }
                System.out.println("done");
                System.out.flush();
            }
        }
    }
}
