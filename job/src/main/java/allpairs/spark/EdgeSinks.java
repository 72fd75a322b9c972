package allpairs.spark;

import allpairs.io.NpyHeader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Writes edge lists: Parquet (i, j, value[, id_i, id_j]) from the executors, or a structured .npy. */
final class EdgeSinks {
    /** NumPy's repr of the record dtype, as numpy.save writes it in the header. */
    static final String NPY_DESCR = "[('i', '<i8'), ('j', '<i8'), ('value', '<f8')]";
    private static final int RECORD_BYTES = 24;

    private EdgeSinks() {
    }

    /** Counts first (one small job), then streams band by band: the driver never holds all edges. */
    static long writeNpy(JavaRDD<EdgeBand> bands, int bandCount, FileSystem fs, Path file) throws IOException {
        List<Long> counts = bands.map(b -> (long) b.edges.size()).collect();
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        long written = 0;
        try (OutputStream out = fs.create(file, false)) {
            out.write(NpyHeader.encodeRaw(NPY_DESCR, new long[] {total}));
            ByteBuffer buf = ByteBuffer.allocate(RECORD_BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
            int expected = 0;
            Iterator<EdgeBand> it = bands.toLocalIterator();
            while (it.hasNext()) {
                EdgeBand band = it.next();
                if (band.band != expected++) {
                    throw new IllegalStateException("edge band " + band.band + " arrived out of order");
                }
                EdgePiece e = band.edges;
                for (int k = 0; k < e.size(); k++) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putLong(e.row(k)).putLong(e.col(k)).putDouble(e.value(k));
                }
                out.write(buf.array(), 0, buf.position());
                buf.clear();
                written += e.size();
            }
            if (expected != bandCount || written != total) {
                throw new IllegalStateException("edge count changed between passes: " + written + " of " + total);
            }
        }
        return total;
    }

    static StructType schema(boolean withIds) {
        StructType s = new StructType().add("i", DataTypes.LongType, false).add("j", DataTypes.LongType, false)
                .add("value", DataTypes.DoubleType, false);
        return withIds ? s.add("id_i", DataTypes.StringType, true).add("id_j", DataTypes.StringType, true) : s;
    }

    /** Each band becomes one file, written by an executor, rows sorted by (i, j). */
    static void writeParquet(SparkSession spark, JavaRDD<EdgeBand> bands, Broadcast<String[][]> ids, String directory) {
        boolean withIds = ids.value()[0] != null || ids.value()[1] != null;
        spark.createDataFrame(bands.flatMap(new EdgeRows(ids, withIds)), schema(withIds)).write().parquet(directory);
    }

    /** A band's edges as rows. */
    static final class EdgeRows implements FlatMapFunction<EdgeBand, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<String[][]> ids;
        private final boolean withIds;

        EdgeRows(Broadcast<String[][]> ids, boolean withIds) {
            this.ids = ids;
            this.withIds = withIds;
        }

        @Override
        public Iterator<Row> call(EdgeBand band) {
            String[] rowIds = ids.value()[0];
            String[] colIds = ids.value()[1];
            EdgePiece e = band.edges;
            List<Row> rows = new ArrayList<>(e.size());
            for (int k = 0; k < e.size(); k++) {
                long i = e.row(k);
                long j = e.col(k);
                rows.add(withIds
                        ? RowFactory.create(i, j, e.value(k), rowIds == null ? null : rowIds[(int) i],
                                colIds == null ? null : colIds[(int) j])
                        : RowFactory.create(i, j, e.value(k)));
            }
            return rows.iterator();
        }
    }
}
