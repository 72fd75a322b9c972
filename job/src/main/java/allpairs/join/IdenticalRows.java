package allpairs.join;

import allpairs.kernel.SegmentFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/**
 * The first stage: rows of one side grouped by content on the executors (a hash shuffle, then an
 * exact comparison within each hash), so c identical rows are joined once, not c times.
 */
final class IdenticalRows {
    private IdenticalRows() {
    }

    static JavaRDD<RowGroup> groups(RowSource rows, int side, int partitions) {
        return rows.rows().mapToPair(t -> new Tuple2<>(SegmentFilter.hash(t._2(), 0, t._2().length),
                        new Tuple2<>(t._1(), t._2())))
                .groupByKey(partitions).flatMap(new Split(side));
    }

    /** One hash's rows split into groups of equal content (a hash collision gives two groups). */
    static final class Split implements FlatMapFunction<Tuple2<Long, Iterable<Tuple2<Long, byte[]>>>, RowGroup> {
        private static final long serialVersionUID = 2L;
        private final int side;

        Split(int side) {
            this.side = side;
        }

        @Override
        public Iterator<RowGroup> call(Tuple2<Long, Iterable<Tuple2<Long, byte[]>>> hashed) {
            List<Tuple2<Long, byte[]>> sorted = new ArrayList<>();
            hashed._2().forEach(sorted::add);
            sorted.sort(Comparator.comparingLong(Tuple2::_1));
            List<RowGroup> groups = new ArrayList<>();
            boolean[] taken = new boolean[sorted.size()];
            for (int a = 0; a < sorted.size(); a++) {
                if (taken[a]) {
                    continue;
                }
                byte[] bytes = sorted.get(a)._2();
                int[] members = new int[sorted.size() - a];
                int count = 0;
                for (int b = a; b < sorted.size(); b++) {
                    if (!taken[b] && (b == a || Arrays.equals(bytes, sorted.get(b)._2()))) {
                        taken[b] = true;
                        members[count++] = Math.toIntExact(sorted.get(b)._1());
                    }
                }
                groups.add(new RowGroup(side, Arrays.copyOf(members, count), bytes));
            }
            return groups.iterator();
        }
    }
}
