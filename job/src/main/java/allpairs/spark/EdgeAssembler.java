package allpairs.spark;

import allpairs.compute.BlockSums;
import allpairs.compute.EdgeBand;
import allpairs.compute.EdgePiece;
import allpairs.compute.Piece;
import allpairs.compute.TopK;
import allpairs.plan.Plan;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import scala.Tuple2;

/**
 * Executor side: joins one row band's edge pieces, keeps each row's K best when --top-k (the
 * per-row heap bound is applied here a second time, across tiles), and sorts: by (i, j), or for --top-k
 * by i and then rank (best first, ties to the lower j).
 */
public final class EdgeAssembler implements Function2<Integer, Iterator<Tuple2<Integer, Piece>>, Iterator<EdgeBand>> {
    private static final long serialVersionUID = 1L;
    private final Integer topK;
    private final boolean ascending;
    private final PreviewAccumulator preview;

    /**
     * @param topK K, or null to keep every edge (a threshold was applied in the tiles)
     * @param preview where each band's final edges are counted per preview block, or null
     */
    EdgeAssembler(Integer topK, boolean ascending, PreviewAccumulator preview) {
        this.topK = topK;
        this.ascending = ascending;
        this.preview = preview;
    }

    /** The edge pieces gathered into one sorted {@link EdgeBand} per partition, partition b holding row band b. */
    public static JavaRDD<EdgeBand> assemble(JavaPairRDD<Integer, Piece> pieces, Plan plan, Integer topK,
                                             boolean ascending, PreviewAccumulator preview) {
        return pieces.partitionBy(new IndexPartitioner(plan.bands()))
                .mapPartitionsWithIndex(new EdgeAssembler(topK, ascending, preview), false);
    }

    @Override
    public Iterator<EdgeBand> call(Integer band, Iterator<Tuple2<Integer, Piece>> pieces) {
        EdgePiece all = new EdgePiece();
        while (pieces.hasNext()) {
            all.addAll((EdgePiece) pieces.next()._2());
        }
        EdgePiece kept = topK == null ? all : TopK.bestPerRow(all, topK, ascending);
        if (preview != null) { // the final edges: with --top-k only the band knows each row's K best
            BlockSums sums = preview.emptySums();
            sums.addEdges(kept);
            preview.add(new PreviewAccumulator.Share(band, sums));
        }
        if (topK != null) { // already in rank order within each row: best first, ties to the lower j
            return Collections.singletonList(new EdgeBand(band, kept)).iterator();
        }
        int[] order = kept.orderByRowThenColumn();
        return Collections.singletonList(new EdgeBand(band, kept.select(order, order.length))).iterator();
    }
}
