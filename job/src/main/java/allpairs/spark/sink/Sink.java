package allpairs.spark.sink;

import allpairs.compute.Piece;
import allpairs.plan.Plan;
import java.io.IOException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.SparkSession;

/** Where the pieces of a run go: the matrix or an edge list, as .npy or Parquet, into a temporary path. */
public interface Sink {
    /**
     * Gathers the pieces (keyed by row band) into bands and writes them.
     *
     * @return the edges written to an edge list (.npy or Parquet), or -1 for dense output
     */
    long write(SparkSession spark, JavaPairRDD<Integer, Piece> pieces, Plan plan) throws IOException;
}
