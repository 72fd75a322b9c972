package allpairs.join;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Splits heavy keys (a poly-A segment, a common read's segments) into a grid of cells: index entries
 * go to one row of cells, probe entries to one column, so each pair still meets exactly once and no
 * cell holds much more than {@code block} entries of either kind. Heavy keys are found on the
 * executors in a sample of the groups (all of them for small blocks); only the few above the block
 * (at most sampled entries / block) reach the driver. A heavy key the sample misses costs balance,
 * never exactness.
 */
final class SkewSplit {
    /** Sampled entries a key must reach to count as heavy: the sample is 64 / block of the groups. */
    private static final double SAMPLED_PER_BLOCK = 64;

    private SkewSplit() {
    }

    /** Every group's entries, heavy keys split into cells. */
    static JavaPairRDD<JoinKey, JoinEntry> entries(JavaSparkContext sc, JavaRDD<RowGroup> groups, JoinKeys keys,
                                                   int block, List<Runnable> cleanup) {
        double fraction = Math.min(1, SAMPLED_PER_BLOCK / block);
        double limit = block * fraction;
        Map<JoinKey, Long> counts = (fraction < 1 ? groups.sample(false, fraction, 26) : groups)
                .flatMapToPair(keys)
                .mapToPair(t -> new Tuple2<>(t._1(), t._2().probe ? 1L : 1L << 32))
                .reduceByKey(Long::sum)
                .filter(t -> (t._2() >>> 32) > limit || (t._2() & 0xffffffffL) > limit)
                .collectAsMap();
        JavaPairRDD<JoinKey, JoinEntry> entries = groups.flatMapToPair(keys);
        if (counts.isEmpty()) {
            return entries;
        }
        Map<JoinKey, int[]> grid = new HashMap<>();
        counts.forEach((key, packed) -> grid.put(key, new int[] {cells(packed >>> 32, limit),
            cells(packed & 0xffffffffL, limit)}));
        Broadcast<Map<JoinKey, int[]>> shared = sc.broadcast(grid);
        cleanup.add(shared::destroy);
        return entries.flatMapToPair(new Cells(shared));
    }

    private static int cells(long sampled, double limit) {
        return (int) Math.max(1, Math.ceil(sampled / limit));
    }

    /** An entry of a heavy key to its cells: index entries to row a (all columns), probes to column b (all rows). */
    static final class Cells implements PairFlatMapFunction<Tuple2<JoinKey, JoinEntry>, JoinKey, JoinEntry> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Map<JoinKey, int[]>> grid;

        Cells(Broadcast<Map<JoinKey, int[]>> grid) {
            this.grid = grid;
        }

        @Override
        public Iterator<Tuple2<JoinKey, JoinEntry>> call(Tuple2<JoinKey, JoinEntry> t) {
            int[] size = grid.value().get(t._1());
            if (size == null) {
                return List.of(t).iterator();
            }
            JoinEntry e = t._2();
            int rows = size[0];
            int cols = size[1];
            long spread = mix(((long) e.group.side << 32 | e.group.rep) * 31 + e.pos);
            List<Tuple2<JoinKey, JoinEntry>> out = new ArrayList<>(e.probe ? rows : cols);
            if (e.probe) {
                int b = (int) Long.remainderUnsigned(spread, cols);
                for (int a = 0; a < rows; a++) {
                    out.add(new Tuple2<>(t._1().inCell(a * cols + b), e));
                }
            } else {
                int a = (int) Long.remainderUnsigned(spread, rows);
                for (int b = 0; b < cols; b++) {
                    out.add(new Tuple2<>(t._1().inCell(a * cols + b), e));
                }
            }
            return out.iterator();
        }

        private static long mix(long h) {
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            return h ^ (h >>> 33);
        }
    }
}
