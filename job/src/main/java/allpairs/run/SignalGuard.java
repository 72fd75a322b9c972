package allpairs.run;

import allpairs.io.AtomicOutput;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On SIGTERM or SIGINT (a scheduler's kill, Ctrl-C) the JVM runs its shutdown hooks and then exits
 * 143 / 130. This hook runs before Spark's own (a higher priority in Hadoop's hook manager, which Spark
 * uses too, so Spark's hooks wait for it). The stop sequence depends on where the signal lands:
 * <ul>
 * <li><b>Before the run's Spark session is up</b> (start-up, input checks, Spark's own start, which cannot
 * be interrupted and takes seconds, or a minute on an overloaded machine): the run is abandoned at once.
 * Its output, if begun, is aborted; Spark's logging is turned off, since all Spark can still say is about
 * being torn down half-started; the JVM then exits.</li>
 * <li><b>Once the session is up</b>: the hook forbids the commit (a commit already under way finishes
 * first: the output is then complete), cancels the Spark jobs, again every {@link #POLL_MILLIS} so a job
 * started later is cancelled too, and waits for the run's thread. That thread stops at its next phase
 * boundary ({@link #checkNotInterrupted}) or when its job fails; cancelled tasks end at their next tile
 * ({@code TaskDrain.stopIfCancelled}); the run waits until no task runs, then stops its session and removes
 * its temporary output and lock. A run that does not stop in {@link #STOP_WAIT_SECONDS} is abandoned as
 * above.</li>
 * </ul>
 * Either way the hook ends with one WARN line and the documented last line on stderr.
 */
public final class SignalGuard implements AutoCloseable {
    /** Above Spark's hooks (FileSystem's priority + 30) so the file system is still open. */
    private static final int PRIORITY = 100;
    /** How long the hook waits for a running job to stop (Kubernetes' default grace period is 30 s). */
    private static final long STOP_WAIT_SECONDS = 25;
    /** Hadoop's hook manager cancels a hook after this (its default, 30 s, leaves no time to report). */
    private static final long HOOK_TIMEOUT_SECONDS = STOP_WAIT_SECONDS + 10;
    private static final long POLL_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SignalGuard.class);
    private static volatile boolean interrupted;

    private final String target;
    private final PrintStream err;
    private final Runnable hook = this::onSignal;
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Orders the signal against the output's begin and the session's start: each sees the other's effect. */
    private final Object phase = new Object();
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

    /** Begins the run's output, unless a signal came: then nothing is begun. */
    AtomicOutput begin(OutputBegin begin) throws IOException {
        synchronized (phase) {
            checkNotInterrupted();
            output = begin.begin();
            return output;
        }
    }

    /** The run's session is up: from now on a signal waits for the run to stop it. */
    void watch(SparkSession session) {
        synchronized (phase) {
            checkNotInterrupted(); // Spark started after the signal: stop before any job
            spark = session;
        }
    }

    private void onSignal() {
        if (done) {
            return; // normal exit after the run finished
        }
        AtomicOutput out;
        SparkSession session;
        synchronized (phase) {
            interrupted = true;
            out = output;
            session = spark;
        }
        if (out != null) {
            out.forbidCommit();
        }
        boolean stopped = session != null && cancelUntilClosed(session);
        if (!stopped) {
            abandon();
        }
        String how = stopped ? "and the run stopped" : session == null ? "before Spark was up, run abandoned"
                : "(the run did not stop within " + STOP_WAIT_SECONDS + " s, abandoned)";
        if (out != null && out.committed()) { // the commit was under way when the signal came: it is complete
            LOG.warn("signal after the output was committed: Spark jobs cancelled {}", how);
            err.println("allpairs: interrupted after the output was committed (it is complete), " + out.target());
        } else {
            if (out != null) {
                out.abort(); // a no-op when the run already did
            }
            LOG.warn("run cancelled by a signal {}: temporary output and lock removed", how);
            err.println("allpairs: interrupted, nothing written, " + (out != null ? out.target() : target));
        }
        err.flush();
    }

    /**
     * The run's thread is left to the JVM's exit: whatever Spark logs while it is torn down half-started
     * (hooks refused during shutdown, stopped pools) is a consequence of the signal, not news.
     */
    private static void abandon() {
        Configurator.setRootLevel(Level.OFF);
    }

    /** Cancels the Spark jobs until the run has left its try-with-resources (session stopped); false on timeout. */
    private boolean cancelUntilClosed(SparkSession session) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        try {
            do {
                try {
                    session.sparkContext().cancelAllJobs();
                } catch (RuntimeException e) {
                    // already stopping
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

    /** {@link AtomicOutput#begin}, as a value. */
    @FunctionalInterface
    interface OutputBegin {
        AtomicOutput begin() throws IOException;
    }

    /** The run's thread stopping because of a signal (reported by the hook, not as a failure). */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted by a signal", null, false, false);
        }
    }
}
