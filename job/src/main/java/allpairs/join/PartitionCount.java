package allpairs.join;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * A count kept per partition of the one stage that adds to it: a task adds to its partition's count,
 * and on the driver a task's counts replace that partition's earlier ones instead of adding to them.
 * A partition computed again (its stage rerun after a lost shuffle output or a fetch failure, a
 * speculative copy, the RDD recomputed by a later job) gives the same count, so the total stays
 * exact; a plain {@code LongAccumulator} in a stage that feeds a shuffle would add every run.
 */
final class PartitionCount extends AccumulatorV2<Long, Long> {
    private static final long serialVersionUID = 1L;
    /**
     * Created on first use, and every method synchronized, as Spark's CollectionAccumulator does: an
     * executor registers the accumulator while the superclass is deserialized, before this field is,
     * and its heartbeat thread may call {@link #isZero} then (a NullPointerException in the heartbeat).
     */
    private HashMap<Integer, Long> byPartition;

    private synchronized HashMap<Integer, Long> counts() {
        if (byPartition == null) {
            byPartition = new HashMap<>();
        }
        return byPartition;
    }

    @Override
    public synchronized boolean isZero() {
        return counts().isEmpty();
    }

    @Override
    public synchronized PartitionCount copy() {
        PartitionCount c = new PartitionCount();
        c.counts().putAll(counts());
        return c;
    }

    @Override
    public synchronized void reset() {
        counts().clear();
    }

    /** Adds to this task's partition (0 outside a task). */
    @Override
    public synchronized void add(Long v) {
        counts().merge(TaskContext.getPartitionId(), v, Long::sum);
    }

    /** A task's (or copy's) counts replace those of the same partitions. */
    @Override
    public synchronized void merge(AccumulatorV2<Long, Long> other) {
        counts().putAll(((PartitionCount) other).copy().counts());
    }

    @Override
    public synchronized Long value() {
        long sum = 0;
        for (Map.Entry<Integer, Long> e : counts().entrySet()) {
            sum += e.getValue();
        }
        return sum;
    }
}
