package allpairs.run;

import allpairs.io.AtomicOutput;
import java.io.PrintStream;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.SparkSession;

/**
 * On SIGTERM or SIGINT (a scheduler's kill, Ctrl-C) the JVM runs its shutdown hooks and then
 * exits 143 / 130. This hook, run before Spark's own (higher priority in Hadoop's hook manager,
 * which Spark uses too), cancels the running Spark jobs and removes the run's temporary output
 * and lock, so the output path is left exactly as it was.
 */
public final class SignalGuard implements AutoCloseable {
    /** Above Spark's hooks (FileSystem's priority + 30) so the file system is still open. */
    private static final int PRIORITY = 100;
    private static volatile boolean interrupted;

    private final AtomicOutput output;
    private final PrintStream err;
    private final Runnable hook = this::onSignal;
    private volatile SparkSession spark;
    private volatile boolean done;

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

    void watch(SparkSession session) {
        this.spark = session;
    }

    private void onSignal() {
        if (done) {
            return; // normal exit after the run finished
        }
        interrupted = true;
        SparkSession session = spark;
        if (session != null) {
            try {
                session.sparkContext().cancelAllJobs();
            } catch (RuntimeException e) {
                // already stopping
            }
        }
        output.abort();
        err.println("allpairs: interrupted, nothing written, " + output.target());
        err.flush();
    }

    @Override
    public void close() {
        done = true;
        try {
            ShutdownHookManager.get().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutdown already in progress
        }
    }
}
