package allpairs.join;

import allpairs.compute.EdgePiece;
import allpairs.compute.Piece;
import allpairs.config.OutputOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scala.Tuple2;

/**
 * The edges of joined groups, exactly as the tiled path keeps them ({@code TileEmitter.KeepEdges}):
 * every member pair of two groups; on a square matrix the pair i < j, plus j > i with
 * --both-directions, and i == i with --include-self; with --against every (query, reference) pair.
 * Each edge goes to the row band of its first index, where the sink sorts it.
 */
final class JoinEdges implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] rowBounds;
    private final boolean square;
    private final boolean includeSelf;
    private final boolean bothDirections;
    private final OutputOptions.Threshold keep;

    JoinEdges(int[] rowBounds, boolean square, OutputOptions options) {
        this.rowBounds = rowBounds;
        this.square = square;
        this.includeSelf = options.includeSelf();
        this.bothDirections = options.bothDirections();
        this.keep = options.keep();
    }

    boolean passes(double v) {
        return keep.passes(v);
    }

    /** A task's edges, per row band. */
    final class Collector {
        private final Map<Integer, EdgePiece> bands = new TreeMap<>();
        private long size;

        /** Edges collected. */
        long size() {
            return size;
        }

        /** Every member pair of two different groups at value v (passing the threshold). */
        void between(RowGroup y, RowGroup x, double v) {
            RowGroup q = square || y.side == 0 ? y : x; // --against: (query, reference)
            RowGroup r = q == y ? x : y;
            for (int a : q.members()) {
                for (int b : r.members()) {
                    if (square) {
                        add(Math.min(a, b), Math.max(a, b), v);
                    } else {
                        add(a, b, v);
                    }
                }
            }
        }

        /** A square matrix's pairs within one group of identical rows (each row's value with itself is v). */
        void within(RowGroup g, double v) {
            int[] m = g.members();
            for (int p = 0; p < m.length; p++) {
                if (includeSelf) {
                    band(m[p]).add(m[p], m[p], v);
                    size++;
                }
                for (int q = p + 1; q < m.length; q++) {
                    add(m[p], m[q], v);
                }
            }
        }

        private void add(int i, int j, double v) {
            band(i).add(i, j, v);
            size++;
            if (square && bothDirections) {
                band(j).add(j, i, v);
                size++;
            }
        }

        private EdgePiece band(int row) {
            int b = Arrays.binarySearch(rowBounds, row);
            int band = b >= 0 ? b : -b - 2;
            return bands.computeIfAbsent(band, k -> new EdgePiece());
        }

        List<Tuple2<Integer, Piece>> pieces() {
            List<Tuple2<Integer, Piece>> out = new ArrayList<>(bands.size());
            bands.forEach((band, piece) -> out.add(new Tuple2<>(band, piece)));
            return out;
        }
    }
}
