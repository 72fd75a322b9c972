package allpairs.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/** The executor-side counters of one run: scratch allocations, pairs and tiles computed. */
public final class Counters implements Serializable {
    private static final long serialVersionUID = 1L;
    final LongAccumulator scratchCreated;
    final LongAccumulator pairsComputed;
    final LongAccumulator tilesComputed;
    /** Tasks (one scratch each) whose JVM lacked the Vector API: the scalar paths ran there. */
    final LongAccumulator scalarTasks;
    /** Pairs each of the kernel's lower bounds ruled out ({@link allpairs.kernel.Kernel#prunedBy}), by name. */
    final List<String> prunedBy;
    final LongAccumulator[] pruned;

    Counters(LongAccumulator scratchCreated, LongAccumulator pairsComputed, LongAccumulator tilesComputed,
             LongAccumulator scalarTasks, List<String> prunedBy, LongAccumulator[] pruned) {
        this.prunedBy = List.copyOf(prunedBy);
        this.pruned = pruned;
        this.scratchCreated = scratchCreated;
        this.pairsComputed = pairsComputed;
        this.tilesComputed = tilesComputed;
        this.scalarTasks = scalarTasks;
    }

    /** Registered with the context, so their values reach the driver (and the progress listener). */
    public static Counters register(SparkContext sc) {
        return register(sc, List.of());
    }

    /** As {@link #register(SparkContext)}, with a count per lower bound the kernel prunes pairs with. */
    public static Counters register(SparkContext sc, List<String> prunedBy) {
        LongAccumulator[] pruned = new LongAccumulator[prunedBy.size()];
        for (int b = 0; b < pruned.length; b++) {
            pruned[b] = sc.longAccumulator("allpairs.pruned." + prunedBy.get(b));
        }
        return new Counters(sc.longAccumulator("allpairs.scratchCreated"), sc.longAccumulator("allpairs.pairsComputed"),
                sc.longAccumulator("allpairs.tilesComputed"), sc.longAccumulator("allpairs.scalarTasks"), prunedBy,
                pruned);
    }

    /** Unregistered, for calling executor functions directly in tests. */
    public static Counters local() {
        return new Counters(new LongAccumulator(), new LongAccumulator(), new LongAccumulator(), new LongAccumulator(),
                List.of(), new LongAccumulator[0]);
    }

    /** The pairs each lower bound ruled out, by the kernel's names for them. */
    public Map<String, Long> pruned() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int b = 0; b < pruned.length; b++) {
            counts.put(prunedBy.get(b), pruned[b].value());
        }
        return counts;
    }

    /** Adds what a scratch's counts grew by since {@code reported} (then updated). */
    void addPruned(long[] counts, long[] reported) {
        for (int b = 0; b < Math.min(pruned.length, counts.length); b++) {
            pruned[b].add(counts[b] - reported[b]);
            reported[b] = counts[b];
        }
    }

    public long scratchCreated() {
        return scratchCreated.value();
    }

    public long pairsComputed() {
        return pairsComputed.value();
    }

    public long tilesComputed() {
        return tilesComputed.value();
    }

    public long scalarTasks() {
        return scalarTasks.value();
    }
}
