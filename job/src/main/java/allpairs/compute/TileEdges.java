package allpairs.compute;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * What a tile of a sparse output (edges, top-k) sends on: one {@link EdgePiece} per row band it
 * feeds (its row band and, mirrored, its column band), gathered from its parts. This, not the
 * tile's values, is what a checkpoint stores for such a tile: O(edges), or K per row for top-k.
 */
public final class TileEdges {
    private final Map<Integer, EdgePiece> bands = new TreeMap<>();

    /** Adds a part's edges of {@code band}. */
    public void add(int band, EdgePiece edges) {
        EdgePiece held = bands.get(band);
        if (held == null) {
            bands.put(band, edges);
        } else {
            held.addAll(edges);
        }
    }

    /** Each band's edges replaced by {@code reduce} of them (top-k: each row's K best). */
    public TileEdges reduced(UnaryOperator<EdgePiece> reduce) {
        TileEdges out = new TileEdges();
        bands.forEach((band, edges) -> out.bands.put(band, reduce.apply(edges)));
        return out;
    }

    /** The bands with their edges, in band order. */
    public Map<Integer, EdgePiece> bands() {
        return bands;
    }

    /** Hands each band's edges on, in band order. */
    public void emit(BiConsumer<Integer, Piece> out) {
        bands.forEach(out::accept);
    }

    /** Edges held, in all bands. */
    public long size() {
        long n = 0;
        for (EdgePiece e : bands.values()) {
            n += e.size();
        }
        return n;
    }
}
