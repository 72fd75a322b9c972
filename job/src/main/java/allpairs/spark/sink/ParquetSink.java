package allpairs.spark.sink;

import allpairs.compute.Band;
import allpairs.compute.Piece;
import allpairs.io.OutputDtype;
import allpairs.plan.Plan;
import allpairs.spark.BandAssembler;
import java.util.ArrayList;
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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the matrix as Parquet, one record per row: {@code i} (INT64), {@code id} (STRING, only
 * when the input has ids) and {@code values} (LIST of DOUBLE, or FLOAT, INT32, INT16 as {@code --dtype} says).
 */
public final class ParquetSink implements Sink {
    private final String directory;
    private final OutputDtype dtype;
    private final String[] ids;

    /** @param ids the row ids (written beside each row), or null */
    public ParquetSink(String directory, OutputDtype dtype, String[] ids) {
        this.directory = directory;
        this.dtype = dtype;
        this.ids = ids;
    }

    /** The Spark SQL type of a value of {@code dtype} (Parquet INT16 is an annotated INT32). */
    static DataType sqlType(OutputDtype dtype) {
        return switch (dtype) {
            case FLOAT64 -> DataTypes.DoubleType;
            case FLOAT32 -> DataTypes.FloatType;
            case INT32 -> DataTypes.IntegerType;
            case INT16 -> DataTypes.ShortType;
        };
    }

    static StructType schema(boolean withIds, OutputDtype dtype) {
        StructType s = new StructType().add("i", DataTypes.LongType, false);
        if (withIds) {
            s = s.add("id", DataTypes.StringType, false);
        }
        return s.add("values", DataTypes.createArrayType(sqlType(dtype), false), false);
    }

    @Override
    public long write(SparkSession spark, JavaPairRDD<Integer, Piece> pieces, Plan plan) {
        boolean withIds = ids != null;
        Broadcast<String[]> shared = withIds ? JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(ids) : null;
        try {
            JavaRDD<Row> rows = BandAssembler.assemble(pieces, plan).flatMap(new BandRows(shared, withIds, dtype));
            // Executors write their bands in parallel; the directory is a temporary renamed on success.
            spark.createDataFrame(rows, schema(withIds, dtype)).write().parquet(directory);
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
        private final OutputDtype dtype;

        BandRows(Broadcast<String[]> ids, boolean withIds, OutputDtype dtype) {
            this.ids = ids;
            this.withIds = withIds;
            this.dtype = dtype;
        }

        @Override
        public Iterator<Row> call(Band band) {
            String[] rowIds = withIds ? ids.value() : null;
            List<Row> rows = new ArrayList<>(band.rows());
            int k = band.cols();
            for (int r = 0; r < band.rows(); r++) {
                int i = band.rowStart() + r;
                Object values = dtype.array(band.values(), r * k, k); // converted once, at the end
                rows.add(withIds ? RowFactory.create((long) i, rowIds[i], values) : RowFactory.create((long) i, values));
            }
            return rows.iterator();
        }
    }
}
