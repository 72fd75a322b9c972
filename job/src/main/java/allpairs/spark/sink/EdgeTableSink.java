package allpairs.spark.sink;

import allpairs.compute.EdgeBand;
import allpairs.compute.EdgePiece;
import allpairs.compute.Piece;
import allpairs.config.OutputFormat;
import allpairs.io.OutputDtype;
import allpairs.plan.Plan;
import allpairs.spark.EdgeAssembler;
import allpairs.spark.PreviewAccumulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * An edge list as a table, each band one part file written by an executor: Parquet (i, j, value[, id_i,
 * id_j]) or CSV/TSV (i, j, value, id_i, id_j, ids empty when the input has none), each CSV part file
 * starting with the header line so that any one of them reads alone.
 */
public final class EdgeTableSink implements Sink {
    private final String directory;
    private final OutputFormat format;
    private final OutputDtype dtype;
    private final Integer topK;
    private final boolean ascending;
    private final PreviewAccumulator preview;
    private final String[][] ids;

    /**
     * @param format parquet, csv or tsv; @param dtype the value column's type
     * @param topK each row's K best (ascending: smaller is better), or null to keep every edge
     * @param rowIds ids of the matrix rows, or null; @param colIds of its columns, or null
     * @param preview where the edges are counted per preview block, or null
     */
    public EdgeTableSink(String directory, OutputFormat format, OutputDtype dtype, Integer topK, boolean ascending,
                         String[] rowIds, String[] colIds, PreviewAccumulator preview) {
        this.directory = directory;
        this.format = format;
        this.dtype = dtype;
        this.topK = topK;
        this.ascending = ascending;
        this.preview = preview;
        this.ids = new String[][] {rowIds, colIds};
    }

    /** The edge table's columns: i, j, value, and id_i, id_j {@code withIds}. */
    public static StructType schema(boolean withIds, OutputDtype dtype) {
        StructType s = new StructType().add("i", DataTypes.LongType, false).add("j", DataTypes.LongType, false)
                .add("value", ParquetSink.sqlType(dtype), false);
        return withIds ? s.add("id_i", DataTypes.StringType, true).add("id_j", DataTypes.StringType, true) : s;
    }

    @Override
    public long write(SparkSession spark, JavaPairRDD<Integer, Piece> pieces, Plan plan) throws IOException {
        // Text tables keep their five columns whatever the input, so that scripts can count on them.
        boolean withIds = ids[0] != null || ids[1] != null || format.edgesOnly();
        Broadcast<String[][]> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(ids);
        // Counted where the rows are made, in the write job's result stage: Spark merges a result
        // task's accumulator updates once per partition, so retried tasks do not count twice.
        LongAccumulator written = spark.sparkContext().longAccumulator("allpairs.edges");
        try {
            DataFrameWriter<Row> writer = spark.createDataFrame(EdgeAssembler.assemble(pieces, plan, topK, ascending,
                    preview).flatMap(new EdgeRows(shared, withIds, dtype, written)), schema(withIds, dtype)).write();
            if (format == OutputFormat.PARQUET) {
                writer.parquet(directory);
            } else {
                // Spark writes the header into every part file, a missing id as an empty field, and
                // quotes a field holding the separator or a quote.
                writer.option("header", true).option("sep", format == OutputFormat.TSV ? "\t" : ",").csv(directory);
                if (format == OutputFormat.TSV) {
                    nameTsvParts(spark);
                }
            }
        } finally {
            shared.destroy();
        }
        return written.value();
    }

    /** Spark names its part files .csv whatever the separator; still in the staging folder, so not yet seen. */
    private void nameTsvParts(SparkSession spark) throws IOException {
        Path dir = new Path(directory);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        for (FileStatus f : fs.listStatus(dir, p -> p.getName().startsWith("part-") && p.getName().endsWith(".csv"))) {
            Path named = new Path(dir, f.getPath().getName().replaceAll("\\.csv$", ".tsv"));
            if (!fs.rename(f.getPath(), named)) {
                throw new IOException("could not rename " + f.getPath() + " to " + named);
            }
        }
    }

    /** A band's edges as rows (also the Java API's lazy edges()). */
    public static final class EdgeRows implements FlatMapFunction<EdgeBand, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<String[][]> ids;
        private final boolean withIds;
        private final OutputDtype dtype;
        private final LongAccumulator written;

        public EdgeRows(Broadcast<String[][]> ids, boolean withIds, OutputDtype dtype, LongAccumulator written) {
            this.ids = ids;
            this.withIds = withIds;
            this.dtype = dtype;
            this.written = written;
        }

        @Override
        public Iterator<Row> call(EdgeBand band) {
            String[] rowIds = ids.value()[0];
            String[] colIds = ids.value()[1];
            EdgePiece e = band.edges();
            List<Row> rows = new ArrayList<>(e.size());
            for (int k = 0; k < e.size(); k++) {
                long i = e.row(k);
                long j = e.col(k);
                rows.add(withIds
                        ? RowFactory.create(i, j, dtype.box(e.value(k)), rowIds == null ? null : rowIds[(int) i],
                                colIds == null ? null : colIds[(int) j])
                        : RowFactory.create(i, j, dtype.box(e.value(k))));
            }
            written.add(rows.size());
            return rows.iterator();
        }
    }
}
