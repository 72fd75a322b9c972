package allpairs.join;

import allpairs.kernel.ByteRows;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * The rows of one side of the join as an RDD of (row number, symbols), numbered in input order, and
 * the two facts the driver needs of them: how many there are and the longest. The join reads its
 * rows only from here, never from a broadcast: the executors read the files ({@link RowSplits}),
 * or the rows come from a caller's RDD (or a Dataset's, through {@link #of(JavaRDD)}).
 *
 * @param rows (row number, symbols); the numbers are 0..count-1, each once
 * @param bytes the symbols of all rows
 */
public record RowSource(JavaPairRDD<Long, byte[]> rows, long count, int maxLength, long bytes) {
    /**
     * Rows in the RDD's order, numbered with {@code zipWithIndex} (one job counts each partition's
     * rows; the prefix sums number them), and counted in one more pass.
     */
    public static RowSource of(JavaRDD<byte[]> rows) {
        return numbered(rows.zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1())));
    }

    /** Rows already numbered 0..count-1 in input order; one pass counts them and finds the longest. */
    public static RowSource numbered(JavaPairRDD<Long, byte[]> rows) {
        long[] stats = rows.values().map(b -> new long[] {1, b.length, b.length})
                .fold(new long[] {0, 0, 0}, (a, b) -> new long[] {a[0] + b[0], Math.max(a[1], b[1]), a[2] + b[2]});
        return new RowSource(rows, stats[0], (int) stats[1], stats[2]);
    }

    /**
     * Rows the driver already holds (a driver-read input): shipped once, in slices, with the tasks
     * that need them; nothing stays broadcast.
     */
    public static RowSource fromDriver(JavaSparkContext sc, ByteRows rows, int slices) {
        int m = rows.rows();
        int step = Math.max(1, (m + slices - 1) / Math.max(1, slices));
        List<Tuple2<Long, ByteRows>> parts = new ArrayList<>();
        for (int from = 0; from < m; from += step) {
            parts.add(new Tuple2<>((long) from, rows.slice(from, Math.min(m, from + step))));
        }
        JavaPairRDD<Long, byte[]> numbered = sc.parallelize(parts, Math.max(1, parts.size()))
                .flatMapToPair(part -> {
                    ByteRows r = part._2();
                    List<Tuple2<Long, byte[]>> out = new ArrayList<>(r.rows());
                    for (int i = 0; i < r.rows(); i++) {
                        out.add(new Tuple2<>(part._1() + i, java.util.Arrays.copyOfRange(r.data(), r.offset(i),
                                r.offset(i) + r.length(i))));
                    }
                    return out.iterator();
                });
        return new RowSource(numbered, m, rows.maxLength(), rows.dataBytes());
    }
}
