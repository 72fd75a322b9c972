package allpairs.spark;

import allpairs.plan.CostProgress;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.Tuple4;
import scala.collection.JavaConverters;

/**
 * Watches the compute stage: tiles and pairs done (the counters' running values arrive with
 * executor heartbeats and task ends), the duration of every finished compute task (for the
 * summary's max/mean), and the stage's wall time (first compute task start to last end). A
 * compute task is one whose tile counters moved, whether it ends in a shuffle or writes in place. Optionally prints one progress line on stderr every few seconds.
 * The ETA comes from the planned cost of the tiles done ({@link CostProgress}: a compute task's
 * partition index is its tile group's) over the time since the first compute task started.
 */
final class ProgressListener extends SparkListener implements AutoCloseable {
    private final long tilesId;
    private final long pairsId;
    /** Tiles of this run's compute stage. */
    private final long totalTiles;
    /** Tiles read back from the checkpoint: done before the first line, never part of the ETA. */
    private final long reusedTiles;
    /** The run's start (System.nanoTime), as the summary's seconds count. */
    private final long startNanos;
    /** Running values of tasks still going, by task id: [tiles, pairs]. */
    private final Map<Long, long[]> running = new ConcurrentHashMap<>();
    /** Tasks started, by task id: [partition index, launch time (epoch ms)]. */
    private final Map<Long, long[]> started = new ConcurrentHashMap<>();
    private final CostProgress cost;
    /** The launch of the first task seen computing tiles (epoch ms): where the ETA's rate is measured from. */
    private long etaOrigin = Long.MAX_VALUE;
    private PrintStream err;
    private long finishedTiles;
    private long finishedPairs;
    private long tasks;
    private double taskSecondsSum;
    private double taskSecondsMax;
    /** The first compute task's launch and the last one's end (epoch ms): the compute stage's wall time. */
    private long firstLaunch = Long.MAX_VALUE;
    private long lastFinish = Long.MIN_VALUE;
    private ScheduledExecutorService printer;

    /**
     * @param planTiles every tile of the plan, reused ones included
     * @param reusedTiles tiles read back from the checkpoint (the lines count them as done from the first)
     * @param cost the planned cost of this run's tiles, by partition (for the ETA)
     * @param startNanos the run's start (System.nanoTime), where the summary's seconds start
     */
    ProgressListener(Counters counters, long planTiles, long reusedTiles, CostProgress cost, long startNanos) {
        this.cost = cost;
        this.startNanos = startNanos;
        this.tilesId = counters.tilesComputed.id();
        this.pairsId = counters.pairsComputed.id();
        this.totalTiles = planTiles - reusedTiles;
        this.reusedTiles = reusedTiles;
    }

    /** Prints a progress line to {@code err} every {@code seconds} until closed. */
    void printEvery(double seconds, PrintStream err) {
        this.err = err;
        printer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "allpairs-progress");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, (long) (seconds * 1000));
        printer.scheduleAtFixedRate(() -> {
            String line = line(false);
            if (line != null) { // nothing to say before the first tile is done
                err.println(line);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * After the compute (and the write it feeds) succeeded: one last line, whose pairs/s is the
     * summary's (the same pairs over about the same seconds), if lines are printed and tiles were computed.
     */
    void finish() {
        stopPrinting();
        String line = err == null ? null : line(true);
        if (line != null) {
            err.println(line);
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        started.put(start.taskInfo().taskId(), new long[] {start.taskInfo().index(), start.taskInfo().launchTime()});
    }

    /** A task reported {@code tiles} done: its partition's share of the planned cost, and the ETA's origin. */
    private synchronized void computing(long taskId, long tiles) {
        long[] task = started.get(taskId);
        if (task != null) {
            cost.tilesDone((int) task[0], tiles);
            etaOrigin = Math.min(etaOrigin, task[1]);
        }
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        // "? extends": the Seq is scala.collection.Seq on Scala 2.12 (Spark 3.5), immutable.Seq on 2.13 (Spark 4).
        for (Tuple4<Object, Object, Object, ? extends scala.collection.Seq<AccumulableInfo>> task
                : JavaConverters.seqAsJavaList(update.accumUpdates())) {
            long[] values = valuesOf(JavaConverters.seqAsJavaList(task._4()));
            if (values != null) {
                running.put((Long) task._1(), values);
                computing((Long) task._1(), values[0]);
            }
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        running.remove(end.taskInfo().taskId());
        if (!end.taskInfo().successful()) {
            started.remove(end.taskInfo().taskId());
            return;
        }
        long[] values = valuesOf(JavaConverters.seqAsJavaList(end.taskInfo().accumulables().toSeq()));
        if (values == null) {
            started.remove(end.taskInfo().taskId());
            return; // not a compute task of this run (or one that got no tiles)
        }
        computing(end.taskInfo().taskId(), values[0]);
        started.remove(end.taskInfo().taskId());
        firstLaunch = Math.min(firstLaunch, end.taskInfo().launchTime());
        lastFinish = Math.max(lastFinish, end.taskInfo().finishTime());
        notifyAll();
        finishedTiles += values[0];
        finishedPairs += values[1];
        double seconds = end.taskInfo().duration() / 1000.0;
        tasks++;
        taskSecondsSum += seconds;
        taskSecondsMax = Math.max(taskSecondsMax, seconds);
    }

    private long[] valuesOf(List<AccumulableInfo> infos) {
        long[] values = null;
        for (AccumulableInfo info : infos) {
            if (info.update().isEmpty()) {
                continue;
            }
            if (info.id() == tilesId || info.id() == pairsId) {
                values = values == null ? new long[2] : values;
                values[info.id() == tilesId ? 0 : 1] = ((Number) info.update().get()).longValue();
            }
        }
        return values;
    }

    /**
     * Waits until the ends of the tasks that computed {@code tiles} tiles have arrived (the listener
     * bus runs behind the scheduler: a job can return before its last task ends are heard), at
     * most {@code timeoutMillis}.
     */
    synchronized void awaitTiles(long tiles, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        try {
            for (long left = timeoutMillis; finishedTiles < tiles && left > 0;
                 left = (deadline - System.nanoTime()) / 1_000_000) {
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized long tilesDone() {
        long t = finishedTiles;
        for (long[] v : running.values()) {
            t += v[0];
        }
        return Math.min(t, totalTiles);
    }

    synchronized long pairsDone() {
        long p = finishedPairs;
        for (long[] v : running.values()) {
            p += v[1];
        }
        return p;
    }

    synchronized double taskSecondsMax() {
        return taskSecondsMax;
    }

    /** Wall time from the first compute task's start to the last one's end; 0 when no tile was computed. */
    synchronized double computeSeconds() {
        return lastFinish < firstLaunch ? 0 : (lastFinish - firstLaunch) / 1000.0;
    }

    synchronized double taskSecondsMean() {
        return tasks == 0 ? 0 : taskSecondsSum / tasks;
    }

    /**
     * One progress line: tiles done of the whole plan (reused ones included), this run's pairs over
     * the seconds since the run started (as the summary's pairs_per_s), and an ETA from the planned
     * cost of the tiles done; null while no tile of this run is done. {@code last}: "done" instead of an ETA.
     */
    String line(boolean last) {
        long computed = tilesDone();
        if (computed == 0 && totalTiles > 0) {
            return null;
        }
        long plan = totalTiles + reusedTiles;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double pairsPerSecond = elapsed > 0 ? pairsDone() / elapsed : 0;
        String eta;
        if (last) {
            eta = "done";
        } else {
            double computing;
            synchronized (this) {
                computing = etaOrigin == Long.MAX_VALUE ? elapsed : (System.currentTimeMillis() - etaOrigin) / 1000.0;
            }
            double left = computed == totalTiles ? 0 : cost.secondsLeft(Math.max(0, computing));
            eta = "ETA " + (Double.isNaN(left) ? "unknown" : clock(left));
        }
        String reused = reusedTiles == 0 ? "" : "; " + reusedTiles + " reused from the checkpoint";
        return String.format("allpairs: progress %d/%d tiles (%.1f%%%s), %.0f pairs/s, elapsed %s, %s",
                reusedTiles + computed, plan, 100.0 * (reusedTiles + computed) / Math.max(1, plan), reused,
                pairsPerSecond, clock(elapsed), eta);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    @Override
    public void close() {
        stopPrinting();
    }

    private void stopPrinting() {
        if (printer != null) {
            printer.shutdownNow();
            try {
                printer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
