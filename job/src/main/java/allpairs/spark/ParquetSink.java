package allpairs.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Writes the matrix as Parquet, one record per row: {@code i} (INT64) and {@code values} (LIST of DOUBLE). */
final class ParquetSink {
    static final StructType SCHEMA = new StructType()
            .add("i", DataTypes.LongType, false)
            .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private ParquetSink() {
    }

    static void write(SparkSession spark, JavaRDD<Band> bands, String directory) {
        JavaRDD<Row> rows = bands.flatMap(new BandRows());
        // Executors write their bands in parallel; the directory is a temporary renamed on success.
        spark.createDataFrame(rows, SCHEMA).write().parquet(directory);
    }

    /** Splits a band into its matrix rows. */
    static final class BandRows implements FlatMapFunction<Band, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Band band) {
            List<Row> rows = new ArrayList<>(band.rows());
            int m = band.m();
            for (int r = 0; r < band.rows(); r++) {
                double[] values = Arrays.copyOfRange(band.values(), r * m, (r + 1) * m);
                rows.add(RowFactory.create((long) (band.rowStart() + r), values));
            }
            return rows.iterator();
        }
    }
}
