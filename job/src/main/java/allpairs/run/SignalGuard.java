package allpairs.run;

import allpairs.io.AtomicOutput;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On SIGTERM or SIGINT (a scheduler's kill, Ctrl-C) the JVM runs its shutdown hooks and then exits
 * 143 / 130. This hook runs before Spark's own (a higher priority in Hadoop's hook manager, which Spark
 * uses too, so Spark's hooks wait for it). The stop sequence, wherever in the run the signal lands:
 * <ol>
 * <li>the hook forbids the commit (a commit already under way finishes first: the output is then
 * complete), marks the run interrupted and cancels the Spark jobs, again every {@link #POLL_MILLIS}
 * so a job started later is cancelled too;</li>
 * <li>the run's own thread stops at its next phase boundary ({@link #checkNotInterrupted}) or when its
 * job fails; cancelled tasks end at their next tile ({@code TaskDrain.stopIfCancelled});</li>
 * <li>the run waits until no task runs, then stops its session and removes its temporary output and
 * lock; only then does the hook report, in one WARN line and the documented last line.</li>
 * </ol>
 * Installed before anything is read or locked, so a signal during start-up, input checks or Spark's
 * start still ends with that line.
 */
public final class SignalGuard implements AutoCloseable {
    /** Above Spark's hooks (FileSystem's priority + 30) so the file system is still open. */
    private static final int PRIORITY = 100;
    /**
     * How long the hook waits for the run to stop. A signal during Spark's start-up waits for the start to
     * finish (it cannot be interrupted): seconds on a quiet machine, far more on an overloaded one.
     */
    private static final long STOP_WAIT_SECONDS = 50;
    /** Hadoop's hook manager cancels a hook after this (its default, 30 s, is below our wait). */
    private static final long HOOK_TIMEOUT_SECONDS = STOP_WAIT_SECONDS + 5;
    private static final long POLL_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SignalGuard.class);
    private static volatile boolean interrupted;

    private final String target;
    private final PrintStream err;
    private final Runnable hook = this::onSignal;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile AtomicOutput output;
    private volatile SparkSession spark;
    private volatile boolean done;

    private SignalGuard(String target, PrintStream err) {
        this.target = target;
        this.err = err;
    }

    /** Guards a run writing {@code target} (as the user named it, for the message before the output is begun). */
    public static SignalGuard install(String target, PrintStream err) {
        SignalGuard guard = new SignalGuard(target, err);
        ShutdownHookManager.get().addShutdownHook(guard.hook, PRIORITY, HOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return guard;
    }

    /** True once a signal began the shutdown: failures after that are its consequence. */
    public static boolean interrupted() {
        return interrupted;
    }

    /** Ends the run's own thread at a phase boundary once a signal came. */
    public static void checkNotInterrupted() {
        if (interrupted) {
            throw new Interrupted();
        }
    }

    /** The run's output, once begun: the hook forbids its commit and, if the run does not, aborts it. */
    AtomicOutput guard(AtomicOutput begun) {
        this.output = begun;
        if (interrupted) { // the signal came while it was being begun
            begun.forbidCommit();
            throw new Interrupted();
        }
        return begun;
    }

    void watch(SparkSession session) {
        this.spark = session;
        checkNotInterrupted(); // Spark started after the signal: stop before any job
    }

    private void onSignal() {
        if (done) {
            return; // normal exit after the run finished
        }
        interrupted = true;
        AtomicOutput out = output;
        if (out != null) {
            out.forbidCommit();
        }
        boolean stopped = cancelUntilClosed();
        String how = stopped ? "and the run stopped" : "(the run did not stop within " + STOP_WAIT_SECONDS + " s)";
        out = output;
        if (out != null && out.committed()) { // the commit was under way when the signal came: it is complete
            LOG.warn("signal after the output was committed: Spark jobs cancelled {}", how);
            err.println("allpairs: interrupted after the output was committed (it is complete), " + out.target());
        } else {
            if (out != null) {
                out.abort(); // a no-op when the run already did
            }
            LOG.warn("run cancelled by a signal: Spark jobs cancelled {}, temporary output and lock removed", how);
            err.println("allpairs: interrupted, nothing written, " + (out != null ? out.target() : target));
        }
        err.flush();
    }

    /** Cancels the Spark jobs until the run has left its try-with-resources (session stopped); false on timeout. */
    private boolean cancelUntilClosed() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        try {
            do {
                SparkSession session = spark;
                if (session != null) {
                    try {
                        session.sparkContext().cancelAllJobs();
                    } catch (RuntimeException e) {
                        // already stopping
                    }
                }
                if (closed.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } while (System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        done = true;
        closed.countDown();
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutdown already in progress
        }
    }

    /** The run's thread stopping because of a signal (reported by the hook, not as a failure). */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted by a signal", null, false, false);
        }
    }
}
