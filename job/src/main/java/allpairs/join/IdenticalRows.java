package allpairs.join;

import allpairs.kernel.ByteRows;
import allpairs.kernel.Rows;
import allpairs.kernel.SegmentFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The first stage: rows of one side grouped by content on the executors (a hash shuffle, then an
 * exact comparison within each hash), so c identical rows are joined once, not c times.
 */
final class IdenticalRows {
    private IdenticalRows() {
    }

    static JavaRDD<RowGroup> groups(JavaSparkContext sc, Broadcast<Rows> rows, int side, int partitions) {
        int m = rows.value().rows();
        List<int[]> slices = new ArrayList<>();
        int step = Math.max(1, (m + partitions - 1) / partitions);
        for (int from = 0; from < m; from += step) {
            slices.add(new int[] {from, Math.min(m, from + step)});
        }
        if (slices.isEmpty()) {
            return sc.emptyRDD();
        }
        return sc.parallelize(slices, slices.size()).flatMapToPair(new Hashes(rows)).groupByKey(partitions)
                .flatMap(new Split(rows, side));
    }

    /** (content hash, row) for each row of a slice. */
    static final class Hashes implements PairFlatMapFunction<int[], Long, Integer> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Rows> rows;

        Hashes(Broadcast<Rows> rows) {
            this.rows = rows;
        }

        @Override
        public Iterator<Tuple2<Long, Integer>> call(int[] slice) {
            Rows r = rows.value();
            List<Tuple2<Long, Integer>> out = new ArrayList<>(slice[1] - slice[0]);
            for (int i = slice[0]; i < slice[1]; i++) {
                // rows the join cannot compare by content stay alone (their row number as the key)
                long key = r instanceof ByteRows b ? SegmentFilter.hash(b.data(), b.offset(i), b.length(i)) : i;
                out.add(new Tuple2<>(key, i));
            }
            return out.iterator();
        }
    }

    /** One hash's rows split into groups of equal content (a hash collision gives two groups). */
    static final class Split implements FlatMapFunction<Tuple2<Long, Iterable<Integer>>, RowGroup> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Rows> rows;
        private final int side;

        Split(Broadcast<Rows> rows, int side) {
            this.rows = rows;
            this.side = side;
        }

        @Override
        public Iterator<RowGroup> call(Tuple2<Long, Iterable<Integer>> hashed) {
            List<Integer> all = new ArrayList<>();
            hashed._2().forEach(all::add);
            int[] sorted = all.stream().mapToInt(Integer::intValue).sorted().toArray();
            List<RowGroup> groups = new ArrayList<>();
            boolean[] taken = new boolean[sorted.length];
            for (int a = 0; a < sorted.length; a++) {
                if (taken[a]) {
                    continue;
                }
                int[] members = new int[sorted.length - a];
                int count = 0;
                for (int b = a; b < sorted.length; b++) {
                    if (!taken[b] && (b == a || same(sorted[a], sorted[b]))) {
                        taken[b] = true;
                        members[count++] = sorted[b];
                    }
                }
                groups.add(new RowGroup(side, Arrays.copyOf(members, count)));
            }
            return groups.iterator();
        }

        private boolean same(int i, int j) {
            if (!(rows.value() instanceof ByteRows r)) {
                return false;
            }
            return Arrays.equals(r.data(), r.offset(i), r.offset(i) + r.length(i),
                    r.data(), r.offset(j), r.offset(j) + r.length(j));
        }
    }
}
