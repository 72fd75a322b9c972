package allpairs.join;

import allpairs.io.InputFormat;
import allpairs.io.InputSplit;
import allpairs.io.SplitReader;
import allpairs.kernel.ElementType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * An input file read by the executors in splits, as a {@link RowSource}: the driver plans the splits
 * from the file's size, a first job counts each split's rows and finds its first problem (the same
 * one-line error as the driver's reader, before anything is written), the prefix sums of the counts
 * number the rows in input order, and the second pass reads them where the join needs them.
 */
public final class RowSplits {
    /** Hadoop's setting for the largest split, as Spark's own file sources read it. */
    public static final String MAX_SPLIT = "mapreduce.input.fileinputformat.split.maxsize";
    private static final long DEFAULT_SPLIT = 64L << 20;

    private RowSplits() {
    }

    /**
     * Reads {@code location} on the executors; a bad input throws the driver reader's {@link allpairs.UserError}.
     *
     * @param format the format, or null to take it from the file name
     */
    public static RowSource read(JavaSparkContext sc, String location, InputFormat format, ElementType type,
                                 String kernel) {
        Map<String, String> hadoop = hadoopSettings(sc);
        List<InputSplit> splits = InputSplit.plan(location, format, maxSplit(sc, location), sc.hadoopConfiguration());
        List<SplitReader.Census> census = sc.parallelize(splits, splits.size())
                .map(s -> SplitReader.census(s, type, kernel, hadoop)).collect();
        long[] first = new long[splits.size()];
        long rows = 0;
        int longest = 0;
        long bytes = 0;
        for (int s = 0; s < splits.size(); s++) {
            SplitReader.Census c = census.get(s);
            if (c.error() != null) {
                throw SplitReader.error(c.error(), location);
            }
            if (c.emptyLine() > 0) {
                throw SplitReader.emptyLine(rows + c.emptyLine(), location);
            }
            first[s] = rows;
            rows += c.rows();
            longest = Math.max(longest, c.maxLength());
            bytes += c.bytes();
        }
        if (rows == 0) {
            throw new allpairs.UserError("no rows (the file is empty)", location);
        }
        JavaPairRDD<Long, byte[]> numbered = sc.parallelize(splits, splits.size()).flatMapToPair(s -> {
            List<byte[]> read = SplitReader.rows(s, type, kernel, hadoop);
            List<Tuple2<Long, byte[]>> out = new ArrayList<>(read.size());
            for (int i = 0; i < read.size(); i++) {
                out.add(new Tuple2<>(first[s.index()] + i, read.get(i)));
            }
            return out.iterator();
        });
        return new RowSource(numbered, rows, longest, bytes);
    }

    /**
     * The setting where given; else at least one split per core (as Spark's file sources size them),
     * from 1 MB to 64 MB: a 50 MB file of reads is not read by one task.
     */
    private static long maxSplit(JavaSparkContext sc, String location) {
        org.apache.hadoop.conf.Configuration conf = sc.hadoopConfiguration();
        if (conf.get(MAX_SPLIT) != null) {
            return conf.getLong(MAX_SPLIT, DEFAULT_SPLIT);
        }
        long size;
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
            size = allpairs.io.HadoopFs.of(path, conf).getFileStatus(path).getLen();
        } catch (java.io.IOException e) {
            return DEFAULT_SPLIT; // planning the splits names the problem
        }
        return Math.max(1L << 20, Math.min(DEFAULT_SPLIT, size / Math.max(1, sc.defaultParallelism()) + 1));
    }

    /** The job's {@code spark.hadoop.*} settings, which the executors rebuild their file systems from. */
    private static Map<String, String> hadoopSettings(JavaSparkContext sc) {
        Map<String, String> out = new HashMap<>();
        for (Tuple2<String, String> kv : sc.getConf().getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) {
                out.put(kv._1(), kv._2());
            }
        }
        return out;
    }
}
