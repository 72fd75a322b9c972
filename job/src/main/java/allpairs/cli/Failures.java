package allpairs.cli;

import allpairs.UserError;
import allpairs.run.SignalGuard;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * The one place a failure becomes an exit code and one stderr line: 2 when the cause is the input
 * (a {@link UserError} anywhere in the cause chain), 1 for everything else, whatever was thrown
 * (an {@link Error} included). 130/143 are the JVM's own, on a signal.
 */
final class Failures {
    /** How deep the cause chain is searched (a cyclic or absurdly deep chain ends the search). */
    private static final int MAX_CAUSES = 32;

    private Failures() {
    }

    static int exitCode(Throwable failure, PrintStream err, boolean verbose) {
        try {
            return report(failure, err, verbose);
        } catch (Throwable again) { // out of memory while reporting: still one line, still exit 1
            err.println("allpairs: internal error: " + failure.getClass().getName());
            return Main.INTERNAL_ERROR;
        }
    }

    private static int report(Throwable failure, PrintStream err, boolean verbose) {
        UserError user = find(failure, UserError.class);
        if (user != null) {
            err.println("allpairs: error: " + firstLine(user.getMessage()));
            if (verbose) {
                failure.printStackTrace(err);
            }
            return Main.USER_ERROR;
        }
        if (SignalGuard.interrupted()) { // the JVM is exiting 143/130 on the signal; the hook said why (WARN)
            LoggerFactory.getLogger(Main.class).debug("the run's failure after the signal", failure);
            return Main.INTERNAL_ERROR;
        }
        if (!(failure instanceof StackOverflowError)) { // a thousand frames say nothing more than its name
            LoggerFactory.getLogger(Main.class).error("internal error", failure);
        }
        err.println("allpairs: internal error: " + describe(failure));
        return Main.INTERNAL_ERROR;
    }

    /** One line; for running out of memory, which memory to raise. */
    static String describe(Throwable failure) {
        String text = firstLine(String.valueOf(failure));
        OutOfMemoryError oom = find(failure, OutOfMemoryError.class);
        boolean inTask = failure.getClass().getName().startsWith("org.apache.spark.");
        if (inTask && (oom != null || text.contains("java.lang.OutOfMemoryError"))) { // a task's, through Spark
            return "out of memory in a task (" + text + "): give executors more memory (spark.executor.memory;"
                    + " in local mode the driver's, --driver-memory) or a smaller --memory-budget";
        }
        if (oom != null) {
            return "out of memory on the driver (" + firstLine(oom.toString())
                    + "): give the driver more memory (./submit.sh --driver-memory 4g, spark.driver.memory)";
        }
        return text;
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).stripTrailing();
    }
}
