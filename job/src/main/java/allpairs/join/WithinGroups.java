package allpairs.join;

import allpairs.compute.Piece;
import allpairs.kernel.Kernel;
import java.util.Iterator;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * The edges inside each group of identical rows of a square matrix: the kernel once, on the
 * representative with itself (0 for levenshtein), then every member pair, and each member with
 * itself under --include-self.
 */
final class WithinGroups<S> implements PairFlatMapFunction<Iterator<RowGroup>, Integer, Piece> {
    private static final long serialVersionUID = 1L;
    private final Kernel<S> kernel;
    private final int maxLength;
    private final double bound;
    private final JoinEdges edges;
    private final boolean includeSelf;

    WithinGroups(Kernel<S> kernel, int maxLength, double bound, JoinEdges edges, boolean includeSelf) {
        this.kernel = kernel;
        this.maxLength = maxLength;
        this.bound = bound;
        this.edges = edges;
        this.includeSelf = includeSelf;
    }

    @Override
    public Iterator<Tuple2<Integer, Piece>> call(Iterator<RowGroup> groups) {
        JoinEdges.Collector out = edges.new Collector();
        S scratch = null;
        double[] value = new double[1];
        while (groups.hasNext()) {
            RowGroup g = groups.next();
            if (g.size() == 1 && !includeSelf) {
                continue;
            }
            if (scratch == null) {
                scratch = kernel.newScratch(maxLength);
            }
            kernel.computeRow(g.row(), 0, g.row(), 0, 1, bound, scratch, value, 0);
            if (edges.passes(value[0])) {
                out.within(g, value[0]);
            }
        }
        return out.pieces().iterator();
    }
}
