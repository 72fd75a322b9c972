package allpairs.spark;

import allpairs.kernel.Rows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the matrix as Parquet, one record per row: {@code i} (INT64), {@code id} (STRING, only
 * when the input has ids) and {@code values} (LIST of DOUBLE).
 */
final class ParquetSink {
    private ParquetSink() {
    }

    static StructType schema(boolean withIds, boolean float32) {
        StructType s = new StructType().add("i", DataTypes.LongType, false);
        if (withIds) {
            s = s.add("id", DataTypes.StringType, false);
        }
        return s.add("values", DataTypes.createArrayType(float32 ? DataTypes.FloatType : DataTypes.DoubleType, false),
                false);
    }

    static void write(SparkSession spark, JavaRDD<Band> bands, Broadcast<Rows> query, String directory,
                      boolean float32) {
        boolean withIds = query.value().ids() != null;
        JavaRDD<Row> rows = bands.flatMap(new BandRows(query, withIds, float32));
        // Executors write their bands in parallel; the directory is a temporary renamed on success.
        spark.createDataFrame(rows, schema(withIds, float32)).write().parquet(directory);
    }

    /** Splits a band into its matrix rows. */
    static final class BandRows implements FlatMapFunction<Band, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Rows> query;
        private final boolean withIds;
        private final boolean float32;

        BandRows(Broadcast<Rows> query, boolean withIds, boolean float32) {
            this.query = query;
            this.withIds = withIds;
            this.float32 = float32;
        }

        @Override
        public Iterator<Row> call(Band band) {
            String[] ids = withIds ? query.value().ids() : null;
            List<Row> rows = new ArrayList<>(band.rows());
            int k = band.cols();
            for (int r = 0; r < band.rows(); r++) {
                int i = band.rowStart() + r;
                Object values = float32 ? floats(band.values(), r * k, k)
                        : Arrays.copyOfRange(band.values(), r * k, (r + 1) * k);
                rows.add(withIds ? RowFactory.create((long) i, ids[i], values) : RowFactory.create((long) i, values));
            }
            return rows.iterator();
        }

        /** Rounded once, at the end: the kernels compute in double. */
        private static float[] floats(double[] values, int from, int count) {
            float[] f = new float[count];
            for (int c = 0; c < count; c++) {
                f[c] = (float) values[from + c];
            }
            return f;
        }
    }
}
