package allpairs.spark.sink;

import allpairs.compute.Band;
import allpairs.compute.Piece;
import allpairs.plan.Plan;
import allpairs.spark.BandAssembler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
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
public final class ParquetSink implements Sink {
    private final String directory;
    private final boolean float32;
    private final String[] ids;

    /** @param ids the row ids (written beside each row), or null */
    public ParquetSink(String directory, boolean float32, String[] ids) {
        this.directory = directory;
        this.float32 = float32;
        this.ids = ids;
    }

    static StructType schema(boolean withIds, boolean float32) {
        StructType s = new StructType().add("i", DataTypes.LongType, false);
        if (withIds) {
            s = s.add("id", DataTypes.StringType, false);
        }
        return s.add("values", DataTypes.createArrayType(float32 ? DataTypes.FloatType : DataTypes.DoubleType, false),
                false);
    }

    @Override
    public long write(SparkSession spark, JavaPairRDD<Integer, Piece> pieces, Plan plan) {
        boolean withIds = ids != null;
        Broadcast<String[]> shared = withIds ? JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(ids) : null;
        try {
            JavaRDD<Row> rows = BandAssembler.assemble(pieces, plan).flatMap(new BandRows(shared, withIds, float32));
            // Executors write their bands in parallel; the directory is a temporary renamed on success.
            spark.createDataFrame(rows, schema(withIds, float32)).write().parquet(directory);
        } finally {
            if (shared != null) {
                shared.destroy();
            }
        }
        return -1;
    }

    /** Splits a band into its matrix rows. */
    static final class BandRows implements FlatMapFunction<Band, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<String[]> ids;
        private final boolean withIds;
        private final boolean float32;

        BandRows(Broadcast<String[]> ids, boolean withIds, boolean float32) {
            this.ids = ids;
            this.withIds = withIds;
            this.float32 = float32;
        }

        @Override
        public Iterator<Row> call(Band band) {
            String[] rowIds = withIds ? ids.value() : null;
            List<Row> rows = new ArrayList<>(band.rows());
            int k = band.cols();
            for (int r = 0; r < band.rows(); r++) {
                int i = band.rowStart() + r;
                Object values = float32 ? floats(band.values(), r * k, k)
                        : Arrays.copyOfRange(band.values(), r * k, (r + 1) * k);
                rows.add(withIds ? RowFactory.create((long) i, rowIds[i], values) : RowFactory.create((long) i, values));
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
