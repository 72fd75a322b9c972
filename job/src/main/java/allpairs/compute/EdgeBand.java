package allpairs.compute;

import java.io.Serializable;

/** The edges of one row band, sorted by (i, j); a --top-k band by i, then rank (best first, ties to the lower j). */
public final class EdgeBand implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int band;
    private final EdgePiece edges;

    public EdgeBand(int band, EdgePiece edges) {
        this.band = band;
        this.edges = edges;
    }

    public int band() {
        return band;
    }

    public EdgePiece edges() {
        return edges;
    }
}
