package allpairs.spark;

import java.io.Serializable;

/** The edges of one row band, sorted by (i, j). */
final class EdgeBand implements Serializable {
    private static final long serialVersionUID = 1L;
    final int band;
    final EdgePiece edges;

    EdgeBand(int band, EdgePiece edges) {
        this.band = band;
        this.edges = edges;
    }
}
