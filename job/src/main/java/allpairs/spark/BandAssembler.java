package allpairs.spark;

import allpairs.compute.Band;
import allpairs.compute.BandPiece;
import allpairs.compute.Piece;
import allpairs.plan.Plan;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import scala.Tuple2;

/** Executor side: joins the pieces of one row band (one partition) into complete rows of k values. */
public final class BandAssembler implements FlatMapFunction<Iterator<Tuple2<Integer, Piece>>, Band> {
    private static final long serialVersionUID = 1L;

    private final int k;
    private final int[] rowBounds;

    /** @param rowBounds band b holds rows rowBounds[b] .. rowBounds[b+1] */
    public BandAssembler(int k, int[] rowBounds) {
        this.k = k;
        this.rowBounds = rowBounds.clone();
    }

    /** The pieces gathered into one {@link Band} per partition, partition b holding row band b. */
    public static JavaRDD<Band> assemble(JavaPairRDD<Integer, Piece> pieces, Plan plan) {
        // An explicit partitioner, not repartition: retried tasks land pieces in the same bands.
        return pieces.partitionBy(new IndexPartitioner(plan.bands()))
                .mapPartitions(new BandAssembler(plan.k(), plan.rowBounds()));
    }

    @Override
    public Iterator<Band> call(Iterator<Tuple2<Integer, Piece>> pieces) {
        if (!pieces.hasNext()) {
            return Collections.emptyIterator();
        }
        Tuple2<Integer, Piece> first = pieces.next();
        int band = first._1();
        int rowStart = rowBounds[band];
        int rows = rowBounds[band + 1] - rowStart;
        double[] values = new double[Math.multiplyExact(rows, k)];
        long filled = place(first, band, rowStart, values);
        while (pieces.hasNext()) {
            filled += place(pieces.next(), band, rowStart, values);
        }
        if (filled != (long) rows * k) {
            throw new IllegalStateException("band " + band + " got " + filled + " of " + ((long) rows * k) + " values");
        }
        return Collections.singletonList(new Band(band, rowStart, rows, k, values)).iterator();
    }

    private long place(Tuple2<Integer, Piece> keyed, int band, int rowStart, double[] values) {
        if (keyed._1() != band) {
            throw new IllegalStateException("pieces of bands " + band + " and " + keyed._1() + " in one partition");
        }
        if (!(keyed._2() instanceof BandPiece p)) {
            throw new IllegalStateException("edges among the dense pieces of band " + band);
        }
        for (int r = 0; r < p.rows(); r++) {
            System.arraycopy(p.values(), r * p.cols(), values, (p.rowStart() - rowStart + r) * k + p.colStart(), p.cols());
        }
        return (long) p.rows() * p.cols();
    }
}
