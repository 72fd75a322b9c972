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
 * On SIGTERM or SIGINT (a scheduler's kill, Ctrl-C) the JVM runs its shutdown hooks and then
 * exits 143 / 130. This hook, run before Spark's own (higher priority in Hadoop's hook manager,
 * which Spark uses too), cancels the running Spark jobs, waits (a bounded time) for the run to
 * stop its Spark session the normal way, and removes the run's temporary output and lock, so the
 * output path is left exactly as it was. Waiting matters: left to Spark's own hook, the session
 * stops while the cancelled run is still releasing its broadcasts, and Scala prints the rejected
 * callbacks' stack traces on stderr. The log says it in one WARN line; the run's own failure (the
 * cancelled job) goes to the debug log ({@code Failures}).
 */
public final class SignalGuard implements AutoCloseable {
    /** Above Spark's hooks (FileSystem's priority + 30) so the file system is still open. */
    private static final int PRIORITY = 100;
    /** How long the hook waits for the cancelled run to stop (Hadoop gives a hook 30 s). */
    private static final long STOP_WAIT_SECONDS = 15;
    private static final long POLL_MILLIS = 200;
    private static final long DRAIN_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(SignalGuard.class);
    private static volatile boolean interrupted;

    private final AtomicOutput output;
    private final PrintStream err;
    private final Runnable hook = this::onSignal;
    private volatile SparkSession spark;
    private volatile boolean done;
    private final CountDownLatch closed = new CountDownLatch(1);

    private SignalGuard(AtomicOutput output, PrintStream err) {
        this.output = output;
        this.err = err;
    }

    public static SignalGuard install(AtomicOutput output, PrintStream err) {
        SignalGuard guard = new SignalGuard(output, err);
        ShutdownHookManager.get().addShutdownHook(guard.hook, PRIORITY);
        return guard;
    }

    /** True once a signal began the shutdown: failures after that are its consequence. */
    public static boolean interrupted() {
        return interrupted;
    }

    /**
     * After a signal, waits (at most {@link #DRAIN_SECONDS}) until the cancelled tasks have ended
     * before the session stops: stopping under running tasks makes Spark's executor pools reject
     * their status updates with stack traces. Returns at once when no signal came.
     */
    static void drainCancelledTasks(SparkSession session) {
        if (!interrupted) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        try {
            while ((running(session) > 0 || taskThreadsInThisJvm() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int running(SparkSession session) {
        int tasks = 0;
        for (org.apache.spark.SparkExecutorInfo executor : session.sparkContext().statusTracker().getExecutorInfos()) {
            tasks += executor.numRunningTasks();
        }
        return tasks;
    }

    /**
     * Threads of this JVM inside a task (a local master's executor): the scheduler may count a cancelled
     * task as ended while its thread still unwinds, and stopping then makes the task's completion
     * listeners and Scala's futures print stack traces (seen on Spark 4). None on a cluster's driver.
     */
    private static int taskThreadsInThisJvm() {
        int busy = 0;
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if ("run".equals(frame.getMethodName())
                        && "org.apache.spark.executor.Executor$TaskRunner".equals(frame.getClassName())) {
                    busy++;
                    break;
                }
            }
        }
        return busy;
    }

    void watch(SparkSession session) {
        this.spark = session;
    }

    private void onSignal() {
        if (done) {
            return; // normal exit after the run finished
        }
        interrupted = true;
        boolean stopped = cancelUntilClosed();
        String how = stopped ? "and the session stopped" : "(the run did not stop within " + STOP_WAIT_SECONDS + " s)";
        if (output.committed()) { // the signal came during the commit's last steps: the output is complete
            LOG.warn("signal after the output was committed: Spark jobs cancelled {}", how);
            err.println("allpairs: interrupted after the output was committed (it is complete), " + output.target());
        } else {
            output.abort();
            LOG.warn("run cancelled by a signal: Spark jobs cancelled {}, temporary output and lock removed", how);
            err.println("allpairs: interrupted, nothing written, " + output.target());
        }
        err.flush();
    }

    /**
     * Cancels the Spark jobs again every {@link #POLL_MILLIS} (a job the run starts after the signal is
     * cancelled too) until the run has left its try-with-resources, its session stopped; false on timeout.
     */
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
}
