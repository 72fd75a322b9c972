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
    private final HashMap<Integer, Long> byPartition = new HashMap<>();

    @Override
    public boolean isZero() {
        return byPartition.isEmpty();
    }

    @Override
    public PartitionCount copy() {
        PartitionCount c = new PartitionCount();
        c.byPartition.putAll(byPartition);
        return c;
    }

    @Override
    public void reset() {
        byPartition.clear();
    }

    /** Adds to this task's partition (0 outside a task). */
    @Override
    public void add(Long v) {
        byPartition.merge(TaskContext.getPartitionId(), v, Long::sum);
    }

    /** A task's (or copy's) counts replace those of the same partitions. */
    @Override
    public void merge(AccumulatorV2<Long, Long> other) {
        byPartition.putAll(((PartitionCount) other).byPartition);
    }

    @Override
    public Long value() {
        long sum = 0;
        for (Map.Entry<Integer, Long> e : byPartition.entrySet()) {
            sum += e.getValue();
        }
        return sum;
    }
}
