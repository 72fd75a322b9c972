package allpairs.spark;

import allpairs.compute.BlockGrid;
import allpairs.compute.BlockSums;
import java.util.BitSet;
import org.apache.spark.SparkContext;
import org.apache.spark.util.AccumulatorV2;

/**
 * Gathers a preview's {@link BlockSums} from the tasks: each task adds what its partition held,
 * and the driver merges the tasks' shares. A share is marked with its partition, and a partition
 * already merged is skipped, so a stage that runs again (a lost shuffle, a job over the same
 * bands) does not count its values twice: a partition's share is the same every time it runs.
 */
public final class PreviewAccumulator extends AccumulatorV2<PreviewAccumulator.Share, BlockSums> {
    private static final long serialVersionUID = 1L;
    private final BlockGrid grid;
    private final BlockSums.Rules rules;
    private BlockSums total;
    private BitSet merged = new BitSet();

    private PreviewAccumulator(BlockGrid grid, BlockSums.Rules rules) {
        this.grid = grid;
        this.rules = rules;
        this.total = new BlockSums(grid, rules);
    }

    /** One partition's share. */
    public static final class Share implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final int partition;
        final BlockSums sums;

        Share(int partition, BlockSums sums) {
            this.partition = partition;
            this.sums = sums;
        }
    }

    /** Registered with the context, so the tasks' shares reach the driver. */
    public static PreviewAccumulator register(SparkContext sc, BlockGrid grid, BlockSums.Rules rules) {
        PreviewAccumulator acc = new PreviewAccumulator(grid, rules);
        sc.register(acc, "allpairs.preview");
        return acc;
    }

    /** An empty share for a task, counting by this preview's rules. */
    BlockSums emptySums() {
        return new BlockSums(grid, rules);
    }

    @Override
    public boolean isZero() {
        return merged.isEmpty();
    }

    @Override
    public PreviewAccumulator copy() {
        PreviewAccumulator c = new PreviewAccumulator(grid, rules);
        c.total.merge(total);
        c.merged = (BitSet) merged.clone();
        return c;
    }

    @Override
    public void reset() {
        total = new BlockSums(grid, rules);
        merged = new BitSet();
    }

    @Override
    public void add(Share share) {
        if (!merged.get(share.partition)) {
            total.merge(share.sums);
            merged.set(share.partition);
        }
    }

    @Override
    public void merge(AccumulatorV2<Share, BlockSums> other) {
        PreviewAccumulator o = (PreviewAccumulator) other;
        BitSet fresh = (BitSet) o.merged.clone();
        fresh.andNot(merged);
        if (!fresh.isEmpty()) { // a task's share names one partition: new, or already counted
            total.merge(o.total);
            merged.or(o.merged);
        }
    }

    @Override
    public BlockSums value() {
        return total;
    }
}
