package allpairs.spark;

import java.io.Serializable;
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

    Counters(LongAccumulator scratchCreated, LongAccumulator pairsComputed, LongAccumulator tilesComputed,
             LongAccumulator scalarTasks) {
        this.scratchCreated = scratchCreated;
        this.pairsComputed = pairsComputed;
        this.tilesComputed = tilesComputed;
        this.scalarTasks = scalarTasks;
    }

    /** Registered with the context, so their values reach the driver (and the progress listener). */
    public static Counters register(SparkContext sc) {
        return new Counters(sc.longAccumulator("allpairs.scratchCreated"), sc.longAccumulator("allpairs.pairsComputed"),
                sc.longAccumulator("allpairs.tilesComputed"), sc.longAccumulator("allpairs.scalarTasks"));
    }

    /** Unregistered, for calling executor functions directly in tests. */
    public static Counters local() {
        return new Counters(new LongAccumulator(), new LongAccumulator(), new LongAccumulator(), new LongAccumulator());
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
