package allpairs.spark;

import allpairs.compute.BandPiece;
import allpairs.compute.BlockSums;
import allpairs.compute.Piece;
import java.util.Iterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Dense pieces pass through unchanged on their way to the sink, and each task adds their values
 * to its share of the preview once it has handed on its last piece. The values are summed where
 * they are, in the task: nothing more crosses the network than a few block sums per task.
 */
public final class PreviewTap implements Function2<Integer, Iterator<Tuple2<Integer, Piece>>,
        Iterator<Tuple2<Integer, Piece>>> {
    private static final long serialVersionUID = 1L;
    private final PreviewAccumulator preview;

    private PreviewTap(PreviewAccumulator preview) {
        this.preview = preview;
    }

    /** The pieces, observed; unchanged when there is no preview. */
    static JavaPairRDD<Integer, Piece> dense(JavaPairRDD<Integer, Piece> pieces, PreviewAccumulator preview) {
        if (preview == null || pieces == null) {
            return pieces;
        }
        return JavaPairRDD.fromJavaRDD(pieces.mapPartitionsWithIndex(new PreviewTap(preview), true));
    }

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Integer partition, Iterator<Tuple2<Integer, Piece>> pieces) {
        BlockSums sums = preview.emptySums();
        return new Iterator<>() {
            private boolean reported;

            @Override
            public boolean hasNext() {
                boolean more = pieces.hasNext();
                if (!more && !reported) {
                    reported = true;
                    preview.add(new PreviewAccumulator.Share(partition, sums));
                }
                return more;
            }

            @Override
            public Tuple2<Integer, Piece> next() {
                Tuple2<Integer, Piece> next = pieces.next();
                if (next._2() instanceof BandPiece p) {
                    sums.addValues(p.rowStart(), p.rows(), p.colStart(), p.cols(), p.values());
                }
                return next;
            }
        };
    }
}
