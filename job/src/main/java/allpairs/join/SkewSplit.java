package allpairs.join;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * Splits heavy keys (a poly-A segment, a common read's segments) into a grid of cells: index entries
 * go to one row of cells, probe entries to one column, so each pair still meets exactly once and no
 * cell holds more than {@code block} entries of either kind. The heavy keys are counted on the
 * executors; only the few above {@code block} (at most entries / block) reach the driver.
 */
final class SkewSplit {
    private SkewSplit() {
    }

    static JavaPairRDD<JoinKey, JoinEntry> split(JavaSparkContext sc, JavaPairRDD<JoinKey, JoinEntry> entries,
                                                 int block, List<Broadcast<?>> broadcasts) {
        Map<JoinKey, Long> counts = entries
                .mapToPair(t -> new Tuple2<>(t._1(), t._2().probe ? 1L : 1L << 32))
                .reduceByKey(Long::sum)
                .filter(t -> (t._2() >>> 32) > block || (t._2() & 0xffffffffL) > block)
                .collectAsMap();
        if (counts.isEmpty()) {
            return entries;
        }
        Map<JoinKey, int[]> grid = new HashMap<>();
        counts.forEach((key, packed) -> grid.put(key, new int[] {
            (int) Math.max(1, ((packed >>> 32) + block - 1) / block),
            (int) Math.max(1, ((packed & 0xffffffffL) + block - 1) / block)}));
        Broadcast<Map<JoinKey, int[]>> shared = sc.broadcast(grid);
        broadcasts.add(shared);
        return entries.flatMapToPair(new Cells(shared));
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
