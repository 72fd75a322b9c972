package allpairs.spark;

import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskKilledException;

/**
 * The two halves of stopping a run's tasks cleanly. Spark cancels a job by marking its tasks killed
 * (and fails the job at once, without waiting for them): a task only stops when it next checks, so
 * {@link #stopIfCancelled} is called between tiles. The driver then {@link #awaitIdle waits} until no
 * task is running before it stops the session: stopping under a running task makes the executor's
 * status updates hit closed pools (RejectedExecutionException stack traces from Scala's futures) and
 * a task that starts late fail to read a broadcast already removed.
 */
public final class TaskDrain {
    private static final long POLL_MILLIS = 20;

    private TaskDrain() {
    }

    /** On an executor, between units of work: ends a task whose job was cancelled. */
    public static void stopIfCancelled() {
        TaskContext task = TaskContext.get();
        if (task != null && task.isInterrupted()) {
            throw new TaskKilledException("cancelled");
        }
    }

    /**
     * Waits (at most {@code seconds}) until no task runs: none counted by the scheduler's status and no
     * thread of this JVM inside a task (a local master's executor; the scheduler may count a killed task
     * as ended while its thread still unwinds). True when idle.
     */
    public static boolean awaitIdle(SparkContext sc, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (running(sc) > 0 || taskThreadsInThisJvm() > 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private static int running(SparkContext sc) {
        if (sc.isStopped()) {
            return 0;
        }
        int tasks = 0;
        for (org.apache.spark.SparkExecutorInfo executor : sc.statusTracker().getExecutorInfos()) {
            tasks += executor.numRunningTasks();
        }
        return tasks;
    }

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
}
